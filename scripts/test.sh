#!/usr/bin/env bash
# The full test suite: installs and starts what the tests need (PostgreSQL on loopback, Redis for the backplane test, Chromium and CJK
# fonts for the browser tests, LibreOffice and poppler for the XLSX export test, Node.js for the JavaScript hub client; all from Debian's packages),
# builds the solution once, runs every test project, and ends with one line "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '==> %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  # The XLSX export test opens the file in LibreOffice and reads the PDF back with pdftotext.
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} from Debian"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_postgres() {
  # A cluster of the tests' own, on loopback, made once: its data is thrown away after every fixture, so it runs
  # without fsync (each test database is created, migrated and dropped, and DROP DATABASE forces a checkpoint).
  # The machine's own clusters are left as they are.
  local version cluster=hotlinetest
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {found=1} END {exit !found}'; then
    log "creating the PostgreSQL $version cluster $cluster for the tests"
    as_root pg_createcluster "$version" "$cluster" \
      -o fsync=off -o synchronous_commit=off -o full_page_writes=off >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c && $4=="online" {found=1} END {exit !found}'; then
    log "starting PostgreSQL $version/$cluster on 127.0.0.1"
    as_root pg_ctlcluster "$version" "$cluster" start
  fi
  local port
  port=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}')
  for _ in $(seq 1 30); do
    as_root su postgres -c "psql -p $port -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  as_root su postgres -c "psql -p $port -qc \"ALTER USER postgres PASSWORD 'hotline-test'\"" >/dev/null
  export HOTLINE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=hotline-test"
}

install_packages
start_postgres

log "installing the JavaScript hub client for the non-.NET client test"
(cd tests/js-client && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
log "installing s3rver for the S3 attachment store's tests"
(cd tests/s3 && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building the solution"
dotnet build Hotline.sln -c Release -nologo -clp:ErrorsOnly

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"
# The three projects run side by side: the browser tests (one API and one Chromium, one test at a time) and the
# integration tests (four test classes at a time, see its xunit.runner.json) spend most of their time waiting on a
# page, a process, a deadline or a socket, not computing. Each writes its own log, printed when all are done.
pids=()
projects=()
for project in tests/Hotline.BrowserTests tests/Hotline.IntegrationTests tests/Hotline.UnitTests; do
  [ -d "$project" ] || continue
  name=$(basename "$project")
  log "testing $project (log: TestResults/$name.log)"
  dotnet test "$project" -c Release --no-build --logger "trx" --results-directory "$results/$name" > "$results/$name.log" 2>&1 &
  pids+=($!)
  projects+=("$name")
done
status=0
for i in "${!pids[@]}"; do
  code=0
  wait "${pids[$i]}" || code=$?
  [ "$code" -eq 0 ] || status=$code
  log "${projects[$i]} finished (exit $code)"
  cat "$results/${projects[$i]}.log"
done

# dotnet test prints nothing CI can count: add up the TRX counters of every run.
awk '
  /<Counters / {
    for (i = 1; i <= NF; i++) {
      if ($i ~ /^passed=/)      { gsub(/[^0-9]/, "", $i); passed += $i }
      if ($i ~ /^failed=/)      { gsub(/[^0-9]/, "", $i); failed += $i }
      if ($i ~ /^total=/)       { gsub(/[^0-9]/, "", $i); total = $i }
      if ($i ~ /^executed=/)    { gsub(/[^0-9]/, "", $i); executed = $i }
      if ($i ~ /^error=/)       { gsub(/[^0-9]/, "", $i); failed += $i }
    }
    # xunit skips are written as results with outcome NotExecuted but not counted in notExecuted.
    skipped += total - executed
  }
  END {
    line = sprintf("%d passed, %d failed", passed, failed)
    if (skipped > 0) line = line sprintf(", %d skipped", skipped)
    print line
  }' $(find "$results" -name '*.trx' 2>/dev/null) /dev/null
exit $status
