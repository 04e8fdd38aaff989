#!/usr/bin/env bash
# An order's whole life with curl only, against a running API (default http://localhost:5080):
# register → suggestion → dispatch by the catalogue → the lead unit accepts, contacts, replies → 办结审核 approved →
# callback Satisfied → Closed (CallbackDone); then a second order called back Dissatisfied goes back to
# the same unit with reworkCount 1. Also shows that another unit gets 404 and a unit sees a masked phone.
set -euo pipefail
B=${1:-http://localhost:5080}
J='content-type: application/json'
PASSWORD='Demo#12345'

# The first "name": value in the JSON (the order's own fields come before the nested ones: review.status, …).
field() { grep -o "\"$1\":\"\{0,1\}[^\",}]*" | head -1 | sed "s/^\"$1\":\"\{0,1\}//"; }
token() { curl -sf "$B/api/auth/token" -H "$J" -d "{\"userName\":\"$1\",\"password\":\"$PASSWORD\"}" | field accessToken; }
post() { curl -sf -X POST "$B$2" -H "Authorization: Bearer $1" -H "$J" -d "${3:-{\}}"; }
say() { printf '%-28s %s\n' "$1" "$2"; }

register() {
  curl -sf "$B/api/tickets" -H "Authorization: Bearer $AGENT" -H "$J" -H "Idempotency-Key: walk-$1-$$" -d '{
    "channel":"Phone","type":"Complaint","categoryCode":"sw-ts","urgency":"Normal",
    "citizen":{"name":"王女士","phone":"13812345678","confidential":false},
    "location":{"districtCode":"dc","streetCode":"dc-dhm","address":"东华门大街1号"},
    "content":"小区停水三天，没有任何通知。"}' | field id
}

handle() {
  post "$WATER" "/api/tickets/$1/accept" >/dev/null
  post "$WATER" "/api/tickets/$1/contact" '{"note":"已电话联系市民，约定上门"}' >/dev/null
  local replied
  replied=$(post "$WATER" "/api/tickets/$1/reply" '{"solved":true,"answer":"管线已抢修，恢复供水"}')
  # 办结审核: the default review rules hold a complaint's reply for a supervisor before the callback.
  if echo "$replied" | grep -o '"review":{[^}]*}' | grep -q '"status":"Pending"'; then
    post "$SUPERVISOR" "/api/tickets/$1/review" '{"approve":true}' | field status
  else
    echo "$replied" | field status
  fi
}

AGENT=$(token agent); WATER=$(token water); GAS=$(token gas); CALLBACK=$(token callback); SUPERVISOR=$(token supervisor)

ID=$(register 1)
say "registered" "$ID"
say "suggestion" "$(curl -sf "$B/api/tickets/$ID/dispatch-suggestion" -H "Authorization: Bearer $AGENT" | field reason)"
say "dispatched" "$(post "$AGENT" "/api/tickets/$ID/dispatch" | field status)"
say "water sees phone" "$(curl -sf "$B/api/tickets/$ID" -H "Authorization: Bearer $WATER" | field phone)"
say "gas gets" "HTTP $(curl -s -o /dev/null -w '%{http_code}' "$B/api/tickets/$ID" -H "Authorization: Bearer $GAS")"
say "after reply" "$(handle "$ID")"
CLOSED=$(post "$CALLBACK" "/api/tickets/$ID/callback" '{"outcome":"Satisfied","solved":true}')
say "after callback" "$(echo "$CLOSED" | field status) ($(echo "$CLOSED" | field closeReason))"
say "timeline" "$(echo "$CLOSED" | grep -o '"action":"[A-Za-z]*"' | sed 's/"action":"\(.*\)"/\1/' | paste -sd' ' -)"

ID2=$(register 2)
post "$AGENT" "/api/tickets/$ID2/dispatch" >/dev/null
handle "$ID2" >/dev/null
REWORK=$(post "$CALLBACK" "/api/tickets/$ID2/callback" '{"outcome":"Dissatisfied","solved":false,"reasonCode":"unresolved"}')
say "dissatisfied → status" "$(echo "$REWORK" | field status), reworkCount $(echo "$REWORK" | field reworkCount)"
