IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [CalendarDays] (
        [Date] date NOT NULL,
        [Kind] nvarchar(10) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        CONSTRAINT [PK_CalendarDays] PRIMARY KEY ([Date])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [Categories] (
        [Code] nvarchar(32) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [ParentCode] nvarchar(32) NULL,
        CONSTRAINT [PK_Categories] PRIMARY KEY ([Code]),
        CONSTRAINT [FK_Categories_Categories_ParentCode] FOREIGN KEY ([ParentCode]) REFERENCES [Categories] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [DailySequences] (
        [Day] nvarchar(8) NOT NULL,
        [Last] int NOT NULL,
        CONSTRAINT [PK_DailySequences] PRIMARY KEY ([Day])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [Districts] (
        [Code] nvarchar(32) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_Districts] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [SlaPolicies] (
        [Tier] nvarchar(10) NOT NULL,
        [AcceptUnit] nvarchar(12) NOT NULL,
        [AcceptValue] int NOT NULL,
        [ContactUnit] nvarchar(12) NOT NULL,
        [ContactValue] int NOT NULL,
        [ReplyUnit] nvarchar(12) NOT NULL,
        [ReplyValue] int NOT NULL,
        CONSTRAINT [PK_SlaPolicies] PRIMARY KEY ([Tier])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [TicketChanges] (
        [Sequence] bigint NOT NULL IDENTITY,
        [TicketId] uniqueidentifier NOT NULL,
        [Number] nvarchar(20) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Version] int NOT NULL,
        [Events] nvarchar(400) NOT NULL,
        [LeadUnitId] uniqueidentifier NULL,
        [UnitIds] nvarchar(2000) NOT NULL,
        [At] datetimeoffset NOT NULL,
        CONSTRAINT [PK_TicketChanges] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [Tickets] (
        [Id] uniqueidentifier NOT NULL,
        [Number] nvarchar(20) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [CloseReason] nvarchar(20) NULL,
        [Channel] nvarchar(10) NOT NULL,
        [Type] nvarchar(20) NOT NULL,
        [CategoryCode] nvarchar(32) NOT NULL,
        [Urgency] nvarchar(10) NOT NULL,
        [Content] nvarchar(4000) NOT NULL,
        [CallSid] nvarchar(64) NULL,
        [IdempotencyKey] nvarchar(200) NULL,
        [IdempotencyFingerprint] nvarchar(64) NULL,
        [LeadUnitId] uniqueidentifier NULL,
        [DispatchedAt] datetimeoffset NULL,
        [AcceptDueAt] datetimeoffset NULL,
        [ContactDueAt] datetimeoffset NULL,
        [ReplyDueAt] datetimeoffset NULL,
        [AcceptedAt] datetimeoffset NULL,
        [ContactedAt] datetimeoffset NULL,
        [RepliedAt] datetimeoffset NULL,
        [NextDueAt] datetimeoffset NULL,
        [Answer] nvarchar(4000) NULL,
        [ReplySolved] bit NULL,
        [ReplyAnswer] nvarchar(4000) NULL,
        [ReturnReason] nvarchar(2000) NULL,
        [StatusBeforeReturn] nvarchar(20) NULL,
        [LeadFixedByArbitration] bit NOT NULL,
        [PendingExtensionDueAt] datetimeoffset NULL,
        [PendingExtensionReason] nvarchar(2000) NULL,
        [PendingExtensionRequestedAt] datetimeoffset NULL,
        [CallbackOutcome] nvarchar(20) NULL,
        [CallbackSolved] bit NULL,
        [CallbackAt] datetimeoffset NULL,
        [ReworkCount] int NOT NULL,
        [UrgeCount] int NOT NULL,
        [MergedIntoTicketId] uniqueidentifier NULL,
        [CloseNote] nvarchar(2000) NULL,
        [Version] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [ClosedAt] datetimeoffset NULL,
        [CitizenConfidential] bit NOT NULL,
        [CitizenName] nvarchar(100) NULL,
        [CitizenPhone] nvarchar(32) NULL,
        [Address] nvarchar(500) NULL,
        [DistrictCode] nvarchar(32) NOT NULL,
        [Latitude] float NULL,
        [Longitude] float NULL,
        [StreetCode] nvarchar(32) NULL,
        CONSTRAINT [PK_Tickets] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [Units] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(32) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [ParentId] uniqueidentifier NULL,
        [DistrictCode] nvarchar(32) NULL,
        CONSTRAINT [PK_Units] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Units_Units_ParentId] FOREIGN KEY ([ParentId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [Streets] (
        [Code] nvarchar(32) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [DistrictCode] nvarchar(32) NOT NULL,
        CONSTRAINT [PK_Streets] PRIMARY KEY ([Code]),
        CONSTRAINT [FK_Streets_Districts_DistrictCode] FOREIGN KEY ([DistrictCode]) REFERENCES [Districts] ([Code]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [TicketParticipants] (
        [TicketId] uniqueidentifier NOT NULL,
        [UnitId] uniqueidentifier NOT NULL,
        [Role] nvarchar(20) NOT NULL,
        CONSTRAINT [PK_TicketParticipants] PRIMARY KEY ([TicketId], [UnitId], [Role]),
        CONSTRAINT [FK_TicketParticipants_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [TicketTimeline] (
        [Id] bigint NOT NULL IDENTITY,
        [TicketId] uniqueidentifier NOT NULL,
        [At] datetimeoffset NOT NULL,
        [Action] nvarchar(40) NOT NULL,
        [ActorUserName] nvarchar(100) NOT NULL,
        [UnitId] uniqueidentifier NULL,
        [FromStatus] nvarchar(20) NULL,
        [ToStatus] nvarchar(20) NULL,
        [Note] nvarchar(4000) NULL,
        CONSTRAINT [PK_TicketTimeline] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TicketTimeline_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [DispatchRules] (
        [Id] uniqueidentifier NOT NULL,
        [CategoryCode] nvarchar(32) NOT NULL,
        [DistrictCode] nvarchar(32) NULL,
        [StreetCode] nvarchar(32) NULL,
        [UnitId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_DispatchRules] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DispatchRules_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE TABLE [Users] (
        [Id] uniqueidentifier NOT NULL,
        [UserName] nvarchar(64) NOT NULL,
        [DisplayName] nvarchar(100) NOT NULL,
        [PasswordHash] nvarchar(200) NOT NULL,
        [Roles] nvarchar(max) NOT NULL,
        [UnitId] uniqueidentifier NULL,
        [IsActive] bit NOT NULL,
        CONSTRAINT [PK_Users] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Users_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_Categories_ParentCode] ON [Categories] ([ParentCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_DispatchRules_CategoryCode] ON [DispatchRules] ([CategoryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_DispatchRules_UnitId] ON [DispatchRules] ([UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_Streets_DistrictCode] ON [Streets] ([DistrictCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_TicketChanges_TicketId] ON [TicketChanges] ([TicketId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_TicketParticipants_UnitId] ON [TicketParticipants] ([UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_Tickets_CallSid] ON [Tickets] ([CallSid]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_Tickets_CreatedAt] ON [Tickets] ([CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Tickets_IdempotencyKey] ON [Tickets] ([IdempotencyKey]) WHERE [IdempotencyKey] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_Tickets_LeadUnitId_Status] ON [Tickets] ([LeadUnitId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_Tickets_NextDueAt] ON [Tickets] ([NextDueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Tickets_Number] ON [Tickets] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_Tickets_Status_CreatedAt] ON [Tickets] ([Status], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_TicketTimeline_TicketId_At] ON [TicketTimeline] ([TicketId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Units_Code] ON [Units] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_Units_ParentId] ON [Units] ([ParentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE INDEX [IX_Users_UnitId] ON [Users] ([UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Users_UserName] ON [Users] ([UserName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123193515_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123193515_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123195033_DeadlineAlerts'
)
BEGIN
    ALTER TABLE [Tickets] ADD [AcceptWarnAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123195033_DeadlineAlerts'
)
BEGIN
    ALTER TABLE [Tickets] ADD [AlertsRaised] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123195033_DeadlineAlerts'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ContactWarnAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123195033_DeadlineAlerts'
)
BEGIN
    ALTER TABLE [Tickets] ADD [NextAlertAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123195033_DeadlineAlerts'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ReplyStartedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123195033_DeadlineAlerts'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ReplyWarnAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123195033_DeadlineAlerts'
)
BEGIN
    ALTER TABLE [Tickets] ADD [WarningShare] float NOT NULL DEFAULT 0.0E0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123195033_DeadlineAlerts'
)
BEGIN
    CREATE TABLE [TicketAlerts] (
        [Id] bigint NOT NULL IDENTITY,
        [TicketId] uniqueidentifier NOT NULL,
        [Stage] nvarchar(10) NOT NULL,
        [Kind] nvarchar(10) NOT NULL,
        [DueAt] datetimeoffset NOT NULL,
        [RaisedAt] datetimeoffset NOT NULL,
        [UnitId] uniqueidentifier NULL,
        CONSTRAINT [PK_TicketAlerts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TicketAlerts_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123195033_DeadlineAlerts'
)
BEGIN
    CREATE INDEX [IX_Tickets_NextAlertAt] ON [Tickets] ([NextAlertAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123195033_DeadlineAlerts'
)
BEGIN
    CREATE INDEX [IX_TicketAlerts_RaisedAt] ON [TicketAlerts] ([RaisedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123195033_DeadlineAlerts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TicketAlerts_TicketId_Stage_Kind_DueAt] ON [TicketAlerts] ([TicketId], [Stage], [Kind], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123195033_DeadlineAlerts'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123195033_DeadlineAlerts', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123204017_AlertClockEpoch'
)
BEGIN
    DROP INDEX [IX_TicketAlerts_TicketId_Stage_Kind_DueAt] ON [TicketAlerts];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123204017_AlertClockEpoch'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ClockEpoch] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123204017_AlertClockEpoch'
)
BEGIN
    ALTER TABLE [TicketAlerts] ADD [ClockEpoch] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123204017_AlertClockEpoch'
)
BEGIN
    CREATE INDEX [IX_Tickets_LeadUnitId_CreatedAt] ON [Tickets] ([LeadUnitId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123204017_AlertClockEpoch'
)
BEGIN
    CREATE INDEX [IX_Tickets_Status_RepliedAt] ON [Tickets] ([Status], [RepliedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123204017_AlertClockEpoch'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TicketAlerts_TicketId_Stage_Kind_DueAt_ClockEpoch] ON [TicketAlerts] ([TicketId], [Stage], [Kind], [DueAt], [ClockEpoch]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123204017_AlertClockEpoch'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123204017_AlertClockEpoch', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    CREATE TABLE [AgentPresences] (
        [UserId] uniqueidentifier NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_AgentPresences] PRIMARY KEY ([UserId]),
        CONSTRAINT [FK_AgentPresences_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    CREATE TABLE [CallbackSurveys] (
        [Id] uniqueidentifier NOT NULL,
        [TicketId] uniqueidentifier NOT NULL,
        [Round] int NOT NULL,
        [Phone] nvarchar(32) NOT NULL,
        [Stage] nvarchar(20) NOT NULL,
        [DueAt] datetimeoffset NULL,
        [Satisfaction] int NULL,
        [Solved] bit NULL,
        [AnsweredBy] nvarchar(10) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [CompletedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_CallbackSurveys] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CallbackSurveys_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    CREATE TABLE [Calls] (
        [Id] uniqueidentifier NOT NULL,
        [CallSid] nvarchar(64) NOT NULL,
        [From] nvarchar(32) NOT NULL,
        [To] nvarchar(32) NULL,
        [Status] nvarchar(20) NOT NULL,
        [LastSequence] int NOT NULL,
        [IsActive] bit NOT NULL,
        [StartedAt] datetimeoffset NOT NULL,
        [AnsweredAt] datetimeoffset NULL,
        [EndedAt] datetimeoffset NULL,
        [DurationSeconds] int NULL,
        [RecordingSid] nvarchar(64) NULL,
        [RecordingUrl] nvarchar(500) NULL,
        [RecordingStatus] nvarchar(20) NULL,
        [RecordingDurationSeconds] int NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Calls] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    CREATE TABLE [SurveyMessages] (
        [Id] uniqueidentifier NOT NULL,
        [SurveyId] uniqueidentifier NOT NULL,
        [Direction] nvarchar(10) NOT NULL,
        [Purpose] nvarchar(20) NULL,
        [Sid] nvarchar(64) NULL,
        [Phone] nvarchar(32) NOT NULL,
        [Body] nvarchar(1600) NULL,
        [Status] nvarchar(20) NOT NULL,
        [Error] nvarchar(500) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_SurveyMessages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SurveyMessages_CallbackSurveys_SurveyId] FOREIGN KEY ([SurveyId]) REFERENCES [CallbackSurveys] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    CREATE INDEX [IX_AgentPresences_Status] ON [AgentPresences] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    CREATE INDEX [IX_CallbackSurveys_DueAt] ON [CallbackSurveys] ([DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    CREATE INDEX [IX_CallbackSurveys_Phone] ON [CallbackSurveys] ([Phone]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CallbackSurveys_TicketId_Round] ON [CallbackSurveys] ([TicketId], [Round]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Calls_CallSid] ON [Calls] ([CallSid]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    CREATE INDEX [IX_Calls_IsActive_StartedAt] ON [Calls] ([IsActive], [StartedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    CREATE INDEX [IX_Calls_StartedAt] ON [Calls] ([StartedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_SurveyMessages_Sid] ON [SurveyMessages] ([Sid]) WHERE [Sid] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_SurveyMessages_SurveyId_Purpose] ON [SurveyMessages] ([SurveyId], [Purpose]) WHERE [Purpose] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020637_Telephony'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124020637_Telephony', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020811_CitizenChannels'
)
BEGIN
    CREATE TABLE [Open311Clients] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(60) NOT NULL,
        [KeyHash] nvarchar(64) NOT NULL,
        [KeyPrefix] nvarchar(16) NOT NULL,
        [CreatedBy] nvarchar(100) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [RevokedAt] datetimeoffset NULL,
        [LastUsedAt] datetimeoffset NULL,
        CONSTRAINT [PK_Open311Clients] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020811_CitizenChannels'
)
BEGIN
    CREATE TABLE [CitizenSubmissions] (
        [Id] uniqueidentifier NOT NULL,
        [TicketId] uniqueidentifier NOT NULL,
        [TrackingCode] nvarchar(12) NOT NULL,
        [Channel] nvarchar(10) NOT NULL,
        [Open311ClientId] uniqueidentifier NULL,
        [ClientName] nvarchar(60) NOT NULL,
        [ServiceCode] nvarchar(32) NULL,
        [Attributes] nvarchar(4000) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CitizenSubmissions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CitizenSubmissions_Open311Clients_Open311ClientId] FOREIGN KEY ([Open311ClientId]) REFERENCES [Open311Clients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_CitizenSubmissions_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020811_CitizenChannels'
)
BEGIN
    CREATE INDEX [IX_CitizenSubmissions_Open311ClientId] ON [CitizenSubmissions] ([Open311ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020811_CitizenChannels'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CitizenSubmissions_TicketId] ON [CitizenSubmissions] ([TicketId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020811_CitizenChannels'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CitizenSubmissions_TrackingCode] ON [CitizenSubmissions] ([TrackingCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020811_CitizenChannels'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Open311Clients_KeyHash] ON [Open311Clients] ([KeyHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124020811_CitizenChannels'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124020811_CitizenChannels', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [CreatedDay] date NOT NULL DEFAULT '0001-01-01';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [FirstDispatchedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [PriorReplyLate] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    ALTER TABLE [Tickets] ADD [PriorResponseLate] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    UPDATE [Tickets] SET [CreatedDay] = CAST(SWITCHOFFSET([CreatedAt], '+08:00') AS date);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    UPDATE [Tickets] SET [FirstDispatchedAt] = COALESCE((SELECT MIN(e.[At]) FROM [TicketTimeline] e WHERE e.[TicketId] = [Tickets].[Id] AND e.[Action] = 'Dispatched'), [DispatchedAt]) WHERE [DispatchedAt] IS NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    CREATE TABLE [KpiCounts] (
        [Id] bigint NOT NULL IDENTITY,
        [Day] date NOT NULL,
        [Dimension] nvarchar(16) NOT NULL,
        [Key] nvarchar(100) NOT NULL,
        [Registered] int NOT NULL,
        [HotSpot] int NOT NULL,
        [Dispatched] int NOT NULL,
        [RespondedOnTime] int NOT NULL,
        [ResponseLate] int NOT NULL,
        [Replied] int NOT NULL,
        [RepliedOnTime] int NOT NULL,
        [ReplyLate] int NOT NULL,
        [OverdueOpen] int NOT NULL,
        [Satisfied] int NOT NULL,
        [BasicallySatisfied] int NOT NULL,
        [Dissatisfied] int NOT NULL,
        [Unreachable] int NOT NULL,
        [Solved] int NOT NULL,
        CONSTRAINT [PK_KpiCounts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    CREATE INDEX [IX_TicketTimeline_Action_At] ON [TicketTimeline] ([Action], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    CREATE INDEX [IX_Tickets_CallbackAt_LeadUnitId] ON [Tickets] ([CallbackAt], [LeadUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    CREATE INDEX [IX_Tickets_CreatedDay_CategoryCode] ON [Tickets] ([CreatedDay], [CategoryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    CREATE INDEX [IX_Tickets_FirstDispatchedAt_LeadUnitId] ON [Tickets] ([FirstDispatchedAt], [LeadUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    CREATE INDEX [IX_KpiCounts_Dimension_Day_Key_HotSpot_Registered] ON [KpiCounts] ([Dimension], [Day], [Key], [HotSpot], [Registered]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124033103_Kpis'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124033103_Kpis', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201083857_SignInFailures'
)
BEGIN
    CREATE TABLE [SignInFailures] (
        [Key] nvarchar(100) NOT NULL,
        [Failures] int NOT NULL,
        [LastFailureAt] datetimeoffset NOT NULL,
        [BlockedUntil] datetimeoffset NULL,
        CONSTRAINT [PK_SignInFailures] PRIMARY KEY ([Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201083857_SignInFailures'
)
BEGIN
    CREATE INDEX [IX_SignInFailures_LastFailureAt] ON [SignInFailures] ([LastFailureAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201083857_SignInFailures'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201083857_SignInFailures', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    ALTER TABLE [Tickets] ADD [AnswerArticleId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    ALTER TABLE [Tickets] ADD [AnswerArticleVersion] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    CREATE TABLE [KnowledgeArticles] (
        [Id] uniqueidentifier NOT NULL,
        [ExternalId] nvarchar(100) NULL,
        [Status] nvarchar(20) NOT NULL,
        [Version] int NOT NULL,
        [PublishedVersion] int NULL,
        [Title] nvarchar(200) NOT NULL,
        [AuthorName] nvarchar(64) NOT NULL,
        [AuthorId] uniqueidentifier NULL,
        [LastEditorName] nvarchar(64) NULL,
        [LastEditorId] uniqueidentifier NULL,
        [ReviewNote] nvarchar(1000) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [PublishedAt] datetimeoffset NULL,
        [Views] int NOT NULL,
        CONSTRAINT [PK_KnowledgeArticles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    CREATE TABLE [KnowledgeChanges] (
        [Sequence] bigint NOT NULL IDENTITY,
        [ArticleId] uniqueidentifier NULL,
        [At] datetimeoffset NOT NULL,
        CONSTRAINT [PK_KnowledgeChanges] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    CREATE TABLE [KnowledgeSearches] (
        [Id] uniqueidentifier NOT NULL,
        [Query] nvarchar(500) NOT NULL,
        [Results] int NOT NULL,
        [IsPublic] bit NOT NULL,
        [At] datetimeoffset NOT NULL,
        [OpenedArticleId] uniqueidentifier NULL,
        [DeflectedAt] datetimeoffset NULL,
        CONSTRAINT [PK_KnowledgeSearches] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    CREATE TABLE [KnowledgeSynonyms] (
        [Id] uniqueidentifier NOT NULL,
        [Terms] nvarchar(max) NOT NULL,
        [Version] int NOT NULL,
        [UpdatedBy] nvarchar(64) NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_KnowledgeSynonyms] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    CREATE TABLE [KnowledgeArticleVersions] (
        [ArticleId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [Change] nvarchar(20) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [Audience] nvarchar(20) NOT NULL,
        [Keywords] nvarchar(max) NOT NULL,
        [Synonyms] nvarchar(max) NOT NULL,
        [CategoryCodes] nvarchar(max) NOT NULL,
        [Tags] nvarchar(max) NOT NULL,
        [OwnerUnitId] uniqueidentifier NULL,
        [ValidFrom] datetimeoffset NULL,
        [ValidTo] datetimeoffset NULL,
        [ChangedBy] nvarchar(64) NOT NULL,
        [ChangedById] uniqueidentifier NULL,
        [ChangedAt] datetimeoffset NOT NULL,
        [Note] nvarchar(1000) NULL,
        CONSTRAINT [PK_KnowledgeArticleVersions] PRIMARY KEY ([ArticleId], [Number]),
        CONSTRAINT [FK_KnowledgeArticleVersions_KnowledgeArticles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [KnowledgeArticles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    CREATE TABLE [KnowledgeCorrections] (
        [Id] uniqueidentifier NOT NULL,
        [ArticleId] uniqueidentifier NOT NULL,
        [Text] nvarchar(2000) NOT NULL,
        [UnitId] uniqueidentifier NULL,
        [ProposedBy] nvarchar(64) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [ResolvedBy] nvarchar(64) NULL,
        [ResolvedAt] datetimeoffset NULL,
        [Resolution] nvarchar(1000) NULL,
        CONSTRAINT [PK_KnowledgeCorrections] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_KnowledgeCorrections_KnowledgeArticles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [KnowledgeArticles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    CREATE TABLE [KnowledgeVotes] (
        [ArticleId] uniqueidentifier NOT NULL,
        [UserName] nvarchar(64) NOT NULL,
        [Helpful] bit NOT NULL,
        [At] datetimeoffset NOT NULL,
        CONSTRAINT [PK_KnowledgeVotes] PRIMARY KEY ([ArticleId], [UserName]),
        CONSTRAINT [FK_KnowledgeVotes_KnowledgeArticles_ArticleId] FOREIGN KEY ([ArticleId]) REFERENCES [KnowledgeArticles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    CREATE INDEX [IX_Tickets_AnswerArticleId] ON [Tickets] ([AnswerArticleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_KnowledgeArticles_ExternalId] ON [KnowledgeArticles] ([ExternalId]) WHERE [ExternalId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    CREATE INDEX [IX_KnowledgeArticles_Status_UpdatedAt] ON [KnowledgeArticles] ([Status], [UpdatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    CREATE INDEX [IX_KnowledgeCorrections_ArticleId] ON [KnowledgeCorrections] ([ArticleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    CREATE INDEX [IX_KnowledgeCorrections_Status_CreatedAt] ON [KnowledgeCorrections] ([Status], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    CREATE INDEX [IX_KnowledgeSearches_At] ON [KnowledgeSearches] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201085540_KnowledgeBase'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201085540_KnowledgeBase', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201112832_CategoryModels'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ExternalId] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201112832_CategoryModels'
)
BEGIN
    CREATE TABLE [CategoryModels] (
        [Id] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        [FormatVersion] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [TrainingLock] bit NULL,
        [RequestedBy] nvarchar(100) NOT NULL,
        [RequestedAt] datetimeoffset NOT NULL,
        [TrainedAt] datetimeoffset NULL,
        [Samples] int NOT NULL,
        [TestSamples] int NOT NULL,
        [EvaluationJson] nvarchar(max) NULL,
        [MacroF1] float NULL,
        [Bytes] varbinary(max) NULL,
        [Sha256] nvarchar(64) NULL,
        [Active] bit NOT NULL,
        [ActivatedAt] datetimeoffset NULL,
        [ActivationNote] nvarchar(500) NULL,
        [Error] nvarchar(1000) NULL,
        CONSTRAINT [PK_CategoryModels] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201112832_CategoryModels'
)
BEGIN
    CREATE TABLE [CategorySuggestions] (
        [TicketId] uniqueidentifier NOT NULL,
        [ModelId] uniqueidentifier NOT NULL,
        [SuggestedCode] nvarchar(32) NOT NULL,
        [ChosenCode] nvarchar(32) NOT NULL,
        [At] datetimeoffset NOT NULL,
        [Day] date NOT NULL,
        CONSTRAINT [PK_CategorySuggestions] PRIMARY KEY ([TicketId]),
        CONSTRAINT [FK_CategorySuggestions_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201112832_CategoryModels'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Tickets_ExternalId] ON [Tickets] ([ExternalId]) WHERE [ExternalId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201112832_CategoryModels'
)
BEGIN
    CREATE INDEX [IX_CategoryModels_Active] ON [CategoryModels] ([Active]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201112832_CategoryModels'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_CategoryModels_TrainingLock] ON [CategoryModels] ([TrainingLock]) WHERE [TrainingLock] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201112832_CategoryModels'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CategoryModels_Version] ON [CategoryModels] ([Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201112832_CategoryModels'
)
BEGIN
    CREATE INDEX [IX_CategorySuggestions_Day] ON [CategorySuggestions] ([Day]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201112832_CategoryModels'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201112832_CategoryModels', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201120254_CallCentreAnswering'
)
BEGIN
    ALTER TABLE [Calls] ADD [AgentAnsweredAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201120254_CallCentreAnswering'
)
BEGIN
    ALTER TABLE [Calls] ADD [AgentId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201120254_CallCentreAnswering'
)
BEGIN
    ALTER TABLE [Calls] ADD [Priority] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201120254_CallCentreAnswering'
)
BEGIN
    ALTER TABLE [Calls] ADD [PriorityReason] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201120254_CallCentreAnswering'
)
BEGIN
    ALTER TABLE [AgentPresences] ADD [DevicePhone] nvarchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201120254_CallCentreAnswering'
)
BEGIN
    ALTER TABLE [AgentPresences] ADD [WrapUpEndsAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201120254_CallCentreAnswering'
)
BEGIN
    CREATE TABLE [AgentStateChanges] (
        [Id] bigint NOT NULL IDENTITY,
        [UserId] uniqueidentifier NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [At] datetimeoffset NOT NULL,
        CONSTRAINT [PK_AgentStateChanges] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AgentStateChanges_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201120254_CallCentreAnswering'
)
BEGIN
    CREATE INDEX [IX_Calls_AgentId_IsActive] ON [Calls] ([AgentId], [IsActive]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201120254_CallCentreAnswering'
)
BEGIN
    CREATE INDEX [IX_AgentStateChanges_At_UserId] ON [AgentStateChanges] ([At], [UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201120254_CallCentreAnswering'
)
BEGIN
    CREATE INDEX [IX_AgentStateChanges_UserId_At] ON [AgentStateChanges] ([UserId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201120254_CallCentreAnswering'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201120254_CallCentreAnswering', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    ALTER TABLE [Calls] ADD [AfterHours] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    ALTER TABLE [Calls] ADD [MissedCallId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    CREATE TABLE [MissedCalls] (
        [Id] uniqueidentifier NOT NULL,
        [Phone] nvarchar(20) NOT NULL,
        [OpenPhone] nvarchar(20) NULL,
        [Reason] nvarchar(20) NOT NULL,
        [Misses] int NOT NULL,
        [FirstMissedAt] datetimeoffset NOT NULL,
        [LastMissedAt] datetimeoffset NOT NULL,
        [LastWaitSeconds] int NOT NULL,
        [LongestWaitSeconds] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [AgentId] uniqueidentifier NULL,
        [CallbackSid] nvarchar(64) NULL,
        [CallbackStartedAt] datetimeoffset NULL,
        [Attempts] int NOT NULL,
        [Outcome] nvarchar(20) NULL,
        [Note] nvarchar(500) NULL,
        [CompletedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_MissedCalls] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MissedCalls_Users_AgentId] FOREIGN KEY ([AgentId]) REFERENCES [Users] ([Id]) ON DELETE SET NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    CREATE TABLE [MissedCallAttempts] (
        [Id] bigint NOT NULL IDENTITY,
        [MissedCallId] uniqueidentifier NOT NULL,
        [AgentId] uniqueidentifier NOT NULL,
        [CallSid] nvarchar(64) NULL,
        [StartedAt] datetimeoffset NOT NULL,
        [Outcome] nvarchar(20) NOT NULL,
        [Note] nvarchar(500) NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_MissedCallAttempts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MissedCallAttempts_MissedCalls_MissedCallId] FOREIGN KEY ([MissedCallId]) REFERENCES [MissedCalls] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_MissedCallAttempts_Users_AgentId] FOREIGN KEY ([AgentId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    CREATE INDEX [IX_Calls_MissedCallId] ON [Calls] ([MissedCallId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    CREATE INDEX [IX_MissedCallAttempts_AgentId] ON [MissedCallAttempts] ([AgentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    CREATE INDEX [IX_MissedCallAttempts_MissedCallId] ON [MissedCallAttempts] ([MissedCallId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    CREATE INDEX [IX_MissedCallAttempts_RecordedAt] ON [MissedCallAttempts] ([RecordedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    CREATE INDEX [IX_MissedCalls_AgentId] ON [MissedCalls] ([AgentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    CREATE INDEX [IX_MissedCalls_CallbackSid] ON [MissedCalls] ([CallbackSid]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    CREATE INDEX [IX_MissedCalls_CompletedAt] ON [MissedCalls] ([CompletedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_MissedCalls_OpenPhone] ON [MissedCalls] ([OpenPhone]) WHERE [OpenPhone] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    CREATE INDEX [IX_MissedCalls_Phone] ON [MissedCalls] ([Phone]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    CREATE INDEX [IX_MissedCalls_Status_FirstMissedAt] ON [MissedCalls] ([Status], [FirstMissedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201150304_MissedCallbacks'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201150304_MissedCallbacks', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ReviewNote] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ReviewStatus] nvarchar(12) NOT NULL DEFAULT N'NotRequired';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ReviewedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    ALTER TABLE [Tickets] ADD [ReviewedBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuspendedSince] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuspendedTotal] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuspendedUntil] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuspensionReason] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuspensionRequestedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SuspensionStatus] nvarchar(12) NOT NULL DEFAULT N'None';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    ALTER TABLE [Tickets] ADD [WorkingDayStages] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    UPDATE [Tickets] SET [WorkingDayStages] = COALESCE((SELECT (CASE WHEN p.[AcceptUnit] = 'WorkingDays' THEN 1 ELSE 0 END) + (CASE WHEN p.[ContactUnit] = 'WorkingDays' THEN 2 ELSE 0 END) + (CASE WHEN p.[ReplyUnit] = 'WorkingDays' THEN 4 ELSE 0 END) FROM [SlaPolicies] p WHERE p.[Tier] = [Tickets].[Urgency]), 0) WHERE [ReplyDueAt] IS NOT NULL
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    CREATE TABLE [ReviewRules] (
        [Id] uniqueidentifier NOT NULL,
        [Type] nvarchar(20) NULL,
        [CategoryCode] nvarchar(32) NULL,
        [Channel] nvarchar(10) NULL,
        [ReworkedOnly] bit NOT NULL,
        CONSTRAINT [PK_ReviewRules] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'CategoryCode', N'Channel', N'ReworkedOnly', N'Type') AND [object_id] = OBJECT_ID(N'[ReviewRules]'))
        SET IDENTITY_INSERT [ReviewRules] ON;
    EXEC(N'INSERT INTO [ReviewRules] ([Id], [CategoryCode], [Channel], [ReworkedOnly], [Type])
    VALUES (''5a0f3c1e-7d0b-4c1a-9a51-000000000001'', NULL, NULL, CAST(0 AS bit), N''Complaint''),
    (''5a0f3c1e-7d0b-4c1a-9a51-000000000002'', NULL, NULL, CAST(0 AS bit), N''Report''),
    (''5a0f3c1e-7d0b-4c1a-9a51-000000000003'', NULL, NULL, CAST(1 AS bit), NULL)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'CategoryCode', N'Channel', N'ReworkedOnly', N'Type') AND [object_id] = OBJECT_ID(N'[ReviewRules]'))
        SET IDENTITY_INSERT [ReviewRules] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181831_ReviewAndSuspension'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201181831_ReviewAndSuspension', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201182106_ReferenceOrderAndKeywords'
)
BEGIN
    ALTER TABLE [Streets] ADD [SortOrder] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201182106_ReferenceOrderAndKeywords'
)
BEGIN
    ALTER TABLE [Districts] ADD [SortOrder] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201182106_ReferenceOrderAndKeywords'
)
BEGIN
    ALTER TABLE [Categories] ADD [Keywords] nvarchar(500) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201182106_ReferenceOrderAndKeywords'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201182106_ReferenceOrderAndKeywords', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    ALTER TABLE [Tickets] ADD [AssessmentNote] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    ALTER TABLE [Tickets] ADD [AssessmentPending] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    ALTER TABLE [Tickets] ADD [AssessmentRequestedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    ALTER TABLE [Tickets] ADD [AssessmentRequestedBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    ALTER TABLE [Tickets] ADD [FlaggedHard] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    ALTER TABLE [Tickets] ADD [FlaggedTypical] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    ALTER TABLE [Tickets] ADD [InstructionCount] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    ALTER TABLE [Tickets] ADD [LastInstructedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SplitFromTicketId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    CREATE TABLE [TicketInstructions] (
        [Id] bigint NOT NULL IDENTITY,
        [TicketId] uniqueidentifier NOT NULL,
        [Text] nvarchar(2000) NOT NULL,
        [Author] nvarchar(100) NOT NULL,
        [ReplyDueAt] datetimeoffset NULL,
        [EnteredBy] nvarchar(100) NOT NULL,
        [At] datetimeoffset NOT NULL,
        CONSTRAINT [PK_TicketInstructions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TicketInstructions_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    CREATE INDEX [IX_Tickets_AssessmentPending_Status] ON [Tickets] ([AssessmentPending], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    CREATE INDEX [IX_Tickets_InstructionCount_Status] ON [Tickets] ([InstructionCount], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    CREATE INDEX [IX_Tickets_SplitFromTicketId] ON [Tickets] ([SplitFromTicketId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    CREATE INDEX [IX_TicketInstructions_TicketId] ON [TicketInstructions] ([TicketId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223634_SplitInstructionsFlags'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201223634_SplitInstructionsFlags', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201225844_Appeals'
)
BEGIN
    ALTER TABLE [Tickets] ADD [CallbackExemptedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201225844_Appeals'
)
BEGIN
    ALTER TABLE [Tickets] ADD [LatenessExempted] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201225844_Appeals'
)
BEGIN
    ALTER TABLE [KpiCounts] ADD [CallbackExempted] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201225844_Appeals'
)
BEGIN
    ALTER TABLE [KpiCounts] ADD [ReplyExempted] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201225844_Appeals'
)
BEGIN
    ALTER TABLE [KpiCounts] ADD [ResponseExempted] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201225844_Appeals'
)
BEGIN
    CREATE TABLE [AppealPolicies] (
        [Id] int NOT NULL,
        [WindowWorkingDays] int NOT NULL,
        CONSTRAINT [PK_AppealPolicies] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201225844_Appeals'
)
BEGIN
    CREATE TABLE [TicketAppeals] (
        [Id] uniqueidentifier NOT NULL,
        [TicketId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(12) NOT NULL,
        [Status] nvarchar(12) NOT NULL,
        [Reason] nvarchar(2000) NOT NULL,
        [UnitId] uniqueidentifier NOT NULL,
        [VerdictAt] datetimeoffset NOT NULL,
        [WindowEndsAt] datetimeoffset NOT NULL,
        [FiledAt] datetimeoffset NOT NULL,
        [FiledBy] nvarchar(100) NOT NULL,
        [DecidedAt] datetimeoffset NULL,
        [DecidedBy] nvarchar(100) NULL,
        [DecisionNote] nvarchar(2000) NULL,
        CONSTRAINT [PK_TicketAppeals] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TicketAppeals_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201225844_Appeals'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'WindowWorkingDays') AND [object_id] = OBJECT_ID(N'[AppealPolicies]'))
        SET IDENTITY_INSERT [AppealPolicies] ON;
    EXEC(N'INSERT INTO [AppealPolicies] ([Id], [WindowWorkingDays])
    VALUES (1, 3)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'WindowWorkingDays') AND [object_id] = OBJECT_ID(N'[AppealPolicies]'))
        SET IDENTITY_INSERT [AppealPolicies] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201225844_Appeals'
)
BEGIN
    CREATE INDEX [IX_TicketAppeals_Status_FiledAt] ON [TicketAppeals] ([Status], [FiledAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201225844_Appeals'
)
BEGIN
    CREATE INDEX [IX_TicketAppeals_TicketId] ON [TicketAppeals] ([TicketId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201225844_Appeals'
)
BEGIN
    CREATE INDEX [IX_TicketAppeals_UnitId_FiledAt] ON [TicketAppeals] ([UnitId], [FiledAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201225844_Appeals'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201225844_Appeals', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202004335_CallbackDesk'
)
BEGIN
    ALTER TABLE [Tickets] ADD [CallbackAttempts] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202004335_CallbackDesk'
)
BEGIN
    ALTER TABLE [Tickets] ADD [CallbackFailure] nvarchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202004335_CallbackDesk'
)
BEGIN
    ALTER TABLE [Tickets] ADD [CallbackReasonCode] nvarchar(32) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202004335_CallbackDesk'
)
BEGIN
    ALTER TABLE [Tickets] ADD [CallbackRetryAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202004335_CallbackDesk'
)
BEGIN
    CREATE TABLE [CallbackReasons] (
        [Code] nvarchar(32) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [SortOrder] int NOT NULL,
        CONSTRAINT [PK_CallbackReasons] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202004335_CallbackDesk'
)
BEGIN
    CREATE TABLE [CallbackScripts] (
        [Type] nvarchar(20) NOT NULL,
        [Body] nvarchar(2000) NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [UpdatedBy] nvarchar(100) NULL,
        CONSTRAINT [PK_CallbackScripts] PRIMARY KEY ([Type])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202004335_CallbackDesk'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Code', N'Name', N'SortOrder') AND [object_id] = OBJECT_ID(N'[CallbackReasons]'))
        SET IDENTITY_INSERT [CallbackReasons] ON;
    EXEC(N'INSERT INTO [CallbackReasons] ([Code], [Name], [SortOrder])
    VALUES (N''attitude'', N''态度不好'', 3),
    (N''buck-passing'', N''推诿扯皮'', 4),
    (N''not-contacted'', N''未联系诉求人'', 2),
    (N''other'', N''其他'', 6),
    (N''overdue'', N''办理超时'', 5),
    (N''unresolved'', N''未解决诉求'', 1)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Code', N'Name', N'SortOrder') AND [object_id] = OBJECT_ID(N'[CallbackReasons]'))
        SET IDENTITY_INSERT [CallbackReasons] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202004335_CallbackDesk'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Type', N'Body', N'UpdatedAt', N'UpdatedBy') AND [object_id] = OBJECT_ID(N'[CallbackScripts]'))
        SET IDENTITY_INSERT [CallbackScripts] ON;
    EXEC(N'INSERT INTO [CallbackScripts] ([Type], [Body], [UpdatedAt], [UpdatedBy])
    VALUES (N''Complaint'', CONCAT(CAST(N''您好，我是12345热线回访员，工号____。您前几天反映的投诉事项（工单编号见屏幕），承办单位已经答复。'' AS nvarchar(max)), nchar(10), N''1. 承办单位是否联系过您？您投诉的问题现在是否已经解决？'', nchar(10), N''2. 您对这次办理的结果是满意、基本满意还是不满意？'', nchar(10), N''3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）'', nchar(10), N''感谢您对12345热线工作的支持，再见。''), ''2026-12-01T00:00:00.0000000+00:00'', NULL),
    (N''Consultation'', CONCAT(CAST(N''您好，我是12345热线回访员，工号____。您前几天反映的咨询事项（工单编号见屏幕），承办单位已经答复。'' AS nvarchar(max)), nchar(10), N''1. 单位是否已经答复了您咨询的问题？答复的内容您是否清楚？'', nchar(10), N''2. 您对这次办理的结果是满意、基本满意还是不满意？'', nchar(10), N''3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）'', nchar(10), N''感谢您对12345热线工作的支持，再见。''), ''2026-12-01T00:00:00.0000000+00:00'', NULL),
    (N''HelpRequest'', CONCAT(CAST(N''您好，我是12345热线回访员，工号____。您前几天反映的求助事项（工单编号见屏幕），承办单位已经答复。'' AS nvarchar(max)), nchar(10), N''1. 您求助的事项是否已经得到帮助和解决？'', nchar(10), N''2. 您对这次办理的结果是满意、基本满意还是不满意？'', nchar(10), N''3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）'', nchar(10), N''感谢您对12345热线工作的支持，再见。''), ''2026-12-01T00:00:00.0000000+00:00'', NULL),
    (N''Praise'', CONCAT(CAST(N''您好，我是12345热线回访员，工号____。您前几天反映的表扬事项（工单编号见屏幕），承办单位已经答复。'' AS nvarchar(max)), nchar(10), N''1. 您的表扬已转达承办单位，感谢您对他们工作的肯定。'', nchar(10), N''2. 您对这次办理的结果是满意、基本满意还是不满意？'', nchar(10), N''3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）'', nchar(10), N''感谢您对12345热线工作的支持，再见。''), ''2026-12-01T00:00:00.0000000+00:00'', NULL),
    (N''Report'', CONCAT(CAST(N''您好，我是12345热线回访员，工号____。您前几天反映的举报事项（工单编号见屏幕），承办单位已经答复。'' AS nvarchar(max)), nchar(10), N''1. 承办单位是否已核查您反映的情况并告知处理结果？'', nchar(10), N''2. 您对这次办理的结果是满意、基本满意还是不满意？'', nchar(10), N''3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）'', nchar(10), N''感谢您对12345热线工作的支持，再见。''), ''2026-12-01T00:00:00.0000000+00:00'', NULL),
    (N''Suggestion'', CONCAT(CAST(N''您好，我是12345热线回访员，工号____。您前几天反映的建议事项（工单编号见屏幕），承办单位已经答复。'' AS nvarchar(max)), nchar(10), N''1. 承办单位是否已回复您的建议？对回复的内容您是否认可？'', nchar(10), N''2. 您对这次办理的结果是满意、基本满意还是不满意？'', nchar(10), N''3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）'', nchar(10), N''感谢您对12345热线工作的支持，再见。''), ''2026-12-01T00:00:00.0000000+00:00'', NULL)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Type', N'Body', N'UpdatedAt', N'UpdatedBy') AND [object_id] = OBJECT_ID(N'[CallbackScripts]'))
        SET IDENTITY_INSERT [CallbackScripts] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202004335_CallbackDesk'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202004335_CallbackDesk', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202042944_TextTemplates'
)
BEGIN
    CREATE TABLE [TextTemplates] (
        [Id] uniqueidentifier NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [UnitId] uniqueidentifier NULL,
        [Name] nvarchar(30) NOT NULL,
        [Body] nvarchar(1000) NOT NULL,
        [SortOrder] int NOT NULL,
        [IsActive] bit NOT NULL,
        [CategoryCode] nvarchar(32) NULL,
        [Type] nvarchar(20) NULL,
        [Urgency] nvarchar(20) NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [UpdatedBy] nvarchar(100) NULL,
        CONSTRAINT [PK_TextTemplates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TextTemplates_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202042944_TextTemplates'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_TextTemplates_Kind_UnitId_Name] ON [TextTemplates] ([Kind], [UnitId], [Name]) WHERE [UnitId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202042944_TextTemplates'
)
BEGIN
    CREATE INDEX [IX_TextTemplates_UnitId] ON [TextTemplates] ([UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202042944_TextTemplates'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202042944_TextTemplates', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202054001_AuditTrail'
)
BEGIN
    CREATE TABLE [AuditChainHead] (
        [Id] int NOT NULL,
        [LastIndex] bigint NOT NULL,
        [LastHash] nchar(64) NOT NULL,
        CONSTRAINT [PK_AuditChainHead] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202054001_AuditTrail'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetimeoffset NOT NULL,
        [ActorUserId] uniqueidentifier NULL,
        [ActorName] nvarchar(64) NOT NULL,
        [Address] nvarchar(64) NULL,
        [Action] nvarchar(48) NOT NULL,
        [TargetType] nvarchar(32) NULL,
        [TargetId] nvarchar(64) NULL,
        [TicketId] uniqueidentifier NULL,
        [Summary] nvarchar(500) NOT NULL,
        [Changes] nvarchar(max) NULL,
        [ChainIndex] bigint NULL,
        [Hash] nchar(64) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202054001_AuditTrail'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'LastHash', N'LastIndex') AND [object_id] = OBJECT_ID(N'[AuditChainHead]'))
        SET IDENTITY_INSERT [AuditChainHead] ON;
    EXEC(N'INSERT INTO [AuditChainHead] ([Id], [LastHash], [LastIndex])
    VALUES (1, N''0000000000000000000000000000000000000000000000000000000000000000'', CAST(0 AS bigint))');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'LastHash', N'LastIndex') AND [object_id] = OBJECT_ID(N'[AuditChainHead]'))
        SET IDENTITY_INSERT [AuditChainHead] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202054001_AuditTrail'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_ActorName_At] ON [AuditEntries] ([ActorName], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202054001_AuditTrail'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202054001_AuditTrail'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_AuditEntries_ChainIndex] ON [AuditEntries] ([ChainIndex]) WHERE [ChainIndex] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202054001_AuditTrail'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_TicketId] ON [AuditEntries] ([TicketId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202054001_AuditTrail'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202054001_AuditTrail', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202140050_PersonalDataRetention'
)
BEGIN
    ALTER TABLE [Tickets] ADD [AnonymisedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202140050_PersonalDataRetention'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202140050_PersonalDataRetention', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202171916_TicketAttachments'
)
BEGIN
    CREATE TABLE [TicketAttachments] (
        [Id] uniqueidentifier NOT NULL,
        [TicketId] uniqueidentifier NOT NULL,
        [FileName] nvarchar(200) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [Size] bigint NOT NULL,
        [BlobKey] varchar(64) NOT NULL,
        [ThumbnailKey] varchar(64) NULL,
        [UploadedBy] nvarchar(100) NOT NULL,
        [UploadedByUserId] uniqueidentifier NULL,
        [UploadedByUnitId] uniqueidentifier NULL,
        [UploadedAt] datetimeoffset NOT NULL,
        [HiddenAt] datetimeoffset NULL,
        [HiddenBy] nvarchar(100) NULL,
        CONSTRAINT [PK_TicketAttachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TicketAttachments_Tickets_TicketId] FOREIGN KEY ([TicketId]) REFERENCES [Tickets] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202171916_TicketAttachments'
)
BEGIN
    CREATE INDEX [IX_TicketAttachments_BlobKey] ON [TicketAttachments] ([BlobKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202171916_TicketAttachments'
)
BEGIN
    CREATE INDEX [IX_TicketAttachments_ThumbnailKey] ON [TicketAttachments] ([ThumbnailKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202171916_TicketAttachments'
)
BEGIN
    CREATE INDEX [IX_TicketAttachments_TicketId_UploadedAt] ON [TicketAttachments] ([TicketId], [UploadedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202171916_TicketAttachments'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202171916_TicketAttachments', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202184009_StaffTwoFactorAndSessions'
)
BEGIN
    ALTER TABLE [Users] ADD [TwoFactorEnabledAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202184009_StaffTwoFactorAndSessions'
)
BEGIN
    ALTER TABLE [Users] ADD [TwoFactorLastStep] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202184009_StaffTwoFactorAndSessions'
)
BEGIN
    ALTER TABLE [Users] ADD [TwoFactorSecret] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202184009_StaffTwoFactorAndSessions'
)
BEGIN
    CREATE TABLE [RecoveryCodes] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [CodeHash] nvarchar(64) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UsedAt] datetimeoffset NULL,
        CONSTRAINT [PK_RecoveryCodes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RecoveryCodes_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202184009_StaffTwoFactorAndSessions'
)
BEGIN
    CREATE TABLE [UserSessions] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] uniqueidentifier NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [LastUsedAt] datetimeoffset NOT NULL,
        [ExpiresAt] datetimeoffset NOT NULL,
        [RefreshTokenHash] nvarchar(64) NOT NULL,
        [PasswordStamp] nvarchar(32) NOT NULL,
        [Address] nvarchar(64) NULL,
        [UserAgent] nvarchar(200) NULL,
        [SecondFactor] bit NOT NULL,
        [EnrolmentOnly] bit NOT NULL,
        [EndedAt] datetimeoffset NULL,
        [EndedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_UserSessions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_UserSessions_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202184009_StaffTwoFactorAndSessions'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RecoveryCodes_UserId_CodeHash] ON [RecoveryCodes] ([UserId], [CodeHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202184009_StaffTwoFactorAndSessions'
)
BEGIN
    CREATE UNIQUE INDEX [IX_UserSessions_RefreshTokenHash] ON [UserSessions] ([RefreshTokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202184009_StaffTwoFactorAndSessions'
)
BEGIN
    CREATE INDEX [IX_UserSessions_UserId_EndedAt] ON [UserSessions] ([UserId], [EndedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202184009_StaffTwoFactorAndSessions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202184009_StaffTwoFactorAndSessions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203084400_UnitClientsAndIdempotency'
)
BEGIN
    CREATE TABLE [IdempotentRequests] (
        [Scope] nvarchar(100) NOT NULL,
        [Key] nvarchar(100) NOT NULL,
        [RequestHash] nvarchar(64) NOT NULL,
        [StatusCode] int NULL,
        [ContentType] nvarchar(200) NULL,
        [Location] nvarchar(500) NULL,
        [Body] varbinary(max) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CompletedAt] datetimeoffset NULL,
        CONSTRAINT [PK_IdempotentRequests] PRIMARY KEY ([Scope], [Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203084400_UnitClientsAndIdempotency'
)
BEGIN
    CREATE TABLE [UnitClients] (
        [Id] uniqueidentifier NOT NULL,
        [UnitId] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [ClientId] nvarchar(40) NOT NULL,
        [SecretHash] nvarchar(64) NOT NULL,
        [SecretHint] nvarchar(16) NOT NULL,
        [CreatedBy] nvarchar(100) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [RotatedAt] datetimeoffset NULL,
        [RevokedAt] datetimeoffset NULL,
        [LastUsedAt] datetimeoffset NULL,
        CONSTRAINT [PK_UnitClients] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_UnitClients_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203084400_UnitClientsAndIdempotency'
)
BEGIN
    CREATE INDEX [IX_IdempotentRequests_CreatedAt] ON [IdempotentRequests] ([CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203084400_UnitClientsAndIdempotency'
)
BEGIN
    CREATE UNIQUE INDEX [IX_UnitClients_ClientId] ON [UnitClients] ([ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203084400_UnitClientsAndIdempotency'
)
BEGIN
    CREATE INDEX [IX_UnitClients_UnitId] ON [UnitClients] ([UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203084400_UnitClientsAndIdempotency'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203084400_UnitClientsAndIdempotency', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090538_WebhookSubscriptions'
)
BEGIN
    CREATE TABLE [WebhookSubscriptions] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Url] nvarchar(2000) NOT NULL,
        [Secret] nvarchar(200) NOT NULL,
        [EventTypes] nvarchar(4000) NOT NULL,
        [UnitId] uniqueidentifier NULL,
        [Active] bit NOT NULL,
        [CreatedBy] nvarchar(64) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_WebhookSubscriptions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090538_WebhookSubscriptions'
)
BEGIN
    CREATE TABLE [WebhookDeliveries] (
        [Id] uniqueidentifier NOT NULL,
        [SubscriptionId] uniqueidentifier NOT NULL,
        [ChangeSequence] bigint NOT NULL,
        [TicketId] uniqueidentifier NOT NULL,
        [TicketNumber] nvarchar(20) NOT NULL,
        [TicketVersion] int NOT NULL,
        [Type] nvarchar(100) NOT NULL,
        [Data] nvarchar(max) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [RetryFrom] datetimeoffset NOT NULL,
        [Attempts] int NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [LeaseId] uniqueidentifier NULL,
        [LeasedUntil] datetimeoffset NULL,
        [LastAttemptAt] datetimeoffset NULL,
        [LastStatusCode] int NULL,
        [LastError] nvarchar(500) NULL,
        [DeliveredAt] datetimeoffset NULL,
        [LatencyMs] float NULL,
        [DeadAt] datetimeoffset NULL,
        CONSTRAINT [PK_WebhookDeliveries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WebhookDeliveries_TicketChanges_ChangeSequence] FOREIGN KEY ([ChangeSequence]) REFERENCES [TicketChanges] ([Sequence]) ON DELETE CASCADE,
        CONSTRAINT [FK_WebhookDeliveries_WebhookSubscriptions_SubscriptionId] FOREIGN KEY ([SubscriptionId]) REFERENCES [WebhookSubscriptions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090538_WebhookSubscriptions'
)
BEGIN
    CREATE INDEX [IX_WebhookDeliveries_ChangeSequence] ON [WebhookDeliveries] ([ChangeSequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090538_WebhookSubscriptions'
)
BEGIN
    CREATE INDEX [IX_WebhookDeliveries_Status_NextAttemptAt] ON [WebhookDeliveries] ([Status], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090538_WebhookSubscriptions'
)
BEGIN
    CREATE INDEX [IX_WebhookDeliveries_SubscriptionId_Status_DeliveredAt] ON [WebhookDeliveries] ([SubscriptionId], [Status], [DeliveredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090538_WebhookSubscriptions'
)
BEGIN
    CREATE INDEX [IX_WebhookDeliveries_SubscriptionId_TicketId_Status_ChangeSequence] ON [WebhookDeliveries] ([SubscriptionId], [TicketId], [Status], [ChangeSequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090538_WebhookSubscriptions'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WebhookSubscriptions_Name] ON [WebhookSubscriptions] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090538_WebhookSubscriptions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203090538_WebhookSubscriptions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090929_AttachmentRedaction'
)
BEGIN
    ALTER TABLE [TicketAttachments] ADD [BlurredAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090929_AttachmentRedaction'
)
BEGIN
    ALTER TABLE [TicketAttachments] ADD [BlurredBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090929_AttachmentRedaction'
)
BEGIN
    ALTER TABLE [TicketAttachments] ADD [OriginalBlobKey] varchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090929_AttachmentRedaction'
)
BEGIN
    ALTER TABLE [TicketAttachments] ADD [OriginalThumbnailKey] varchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090929_AttachmentRedaction'
)
BEGIN
    CREATE INDEX [IX_TicketAttachments_OriginalBlobKey] ON [TicketAttachments] ([OriginalBlobKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203090929_AttachmentRedaction'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203090929_AttachmentRedaction', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    ALTER TABLE [Units] ADD [Phone] nvarchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    ALTER TABLE [Calls] ADD [AgentLegSid] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    ALTER TABLE [Calls] ADD [ConferenceName] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    ALTER TABLE [Calls] ADD [ConferenceSid] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    ALTER TABLE [Calls] ADD [CurrentAgentId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    ALTER TABLE [Calls] ADD [OnHold] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    CREATE TABLE [CallTransfers] (
        [Id] uniqueidentifier NOT NULL,
        [CallId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Target] nvarchar(200) NOT NULL,
        [TargetNumber] nvarchar(32) NULL,
        [ToAgentId] uniqueidentifier NULL,
        [ToUnitId] uniqueidentifier NULL,
        [Service] nvarchar(8) NULL,
        [Note] nvarchar(500) NULL,
        [LegSid] nvarchar(64) NULL,
        [ByUserId] uniqueidentifier NOT NULL,
        [ByName] nvarchar(100) NOT NULL,
        [At] datetimeoffset NOT NULL,
        [Bridge] nvarchar(20) NOT NULL,
        [LegStatus] nvarchar(20) NULL,
        [EndedAt] datetimeoffset NULL,
        CONSTRAINT [PK_CallTransfers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CallTransfers_Calls_CallId] FOREIGN KEY ([CallId]) REFERENCES [Calls] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    CREATE INDEX [IX_Calls_AgentLegSid] ON [Calls] ([AgentLegSid]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    CREATE INDEX [IX_Calls_CurrentAgentId_IsActive] ON [Calls] ([CurrentAgentId], [IsActive]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    CREATE INDEX [IX_CallTransfers_CallId_At] ON [CallTransfers] ([CallId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    CREATE INDEX [IX_CallTransfers_LegSid] ON [CallTransfers] ([LegSid]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    UPDATE [Calls] SET [CurrentAgentId] = [AgentId] WHERE [IsActive] = 1 AND [AgentId] IS NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130034_CallControls'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203130034_CallControls', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130317_CallerRegistries'
)
BEGIN
    ALTER TABLE [Calls] ADD [FlagPolicy] nvarchar(10) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130317_CallerRegistries'
)
BEGIN
    ALTER TABLE [Calls] ADD [FlagReason] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130317_CallerRegistries'
)
BEGIN
    ALTER TABLE [Calls] ADD [Limited] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130317_CallerRegistries'
)
BEGIN
    ALTER TABLE [Calls] ADD [OverflowRungAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130317_CallerRegistries'
)
BEGIN
    ALTER TABLE [Calls] ADD [SeatGroup] nvarchar(50) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130317_CallerRegistries'
)
BEGIN
    CREATE TABLE [AgentSeatGroups] (
        [UserId] uniqueidentifier NOT NULL,
        [SeatGroup] nvarchar(50) NOT NULL,
        CONSTRAINT [PK_AgentSeatGroups] PRIMARY KEY ([UserId], [SeatGroup]),
        CONSTRAINT [FK_AgentSeatGroups_Users_UserId] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130317_CallerRegistries'
)
BEGIN
    CREATE TABLE [FlaggedCallers] (
        [Phone] nvarchar(20) NOT NULL,
        [Reason] nvarchar(200) NOT NULL,
        [Policy] nvarchar(10) NOT NULL,
        [DailyLimit] int NULL,
        [ExpiresAt] datetimeoffset NULL,
        [AddedBy] nvarchar(100) NOT NULL,
        [AddedAt] datetimeoffset NOT NULL,
        [UpdatedBy] nvarchar(100) NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_FlaggedCallers] PRIMARY KEY ([Phone])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130317_CallerRegistries'
)
BEGIN
    CREATE TABLE [PriorityCallers] (
        [Phone] nvarchar(20) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Note] nvarchar(200) NULL,
        [SetBy] nvarchar(100) NOT NULL,
        [SetAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PriorityCallers] PRIMARY KEY ([Phone])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130317_CallerRegistries'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203130317_CallerRegistries', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SourcePeerId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SourcePeerName] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SourceReference] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    ALTER TABLE [Tickets] ADD [SourceTransferId] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    ALTER TABLE [Tickets] ADD [TransferOutId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    ALTER TABLE [Tickets] ADD [TransferPeerId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    ALTER TABLE [Tickets] ADD [TransferPeerName] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    ALTER TABLE [Tickets] ADD [TransferPeerReference] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    ALTER TABLE [Tickets] ADD [TransferPeerStatus] nvarchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    ALTER TABLE [Tickets] ADD [TransferPeerUpdatedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    ALTER TABLE [Tickets] ADD [TransferPeerVersion] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    CREATE TABLE [PeerPlatforms] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Kind] nvarchar(10) NOT NULL,
        [BaseUrl] nvarchar(2000) NOT NULL,
        [Key] nvarchar(64) NOT NULL,
        [Secret] nvarchar(200) NOT NULL,
        [Active] bit NOT NULL,
        [CreatedBy] nvarchar(64) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PeerPlatforms] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    CREATE TABLE [PeerMessages] (
        [Id] uniqueidentifier NOT NULL,
        [PeerId] uniqueidentifier NOT NULL,
        [TicketId] uniqueidentifier NOT NULL,
        [TicketNumber] nvarchar(20) NOT NULL,
        [Type] nvarchar(20) NOT NULL,
        [Sequence] int NOT NULL,
        [Path] nvarchar(300) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [RetryFrom] datetimeoffset NOT NULL,
        [Attempts] int NOT NULL,
        [NextAttemptAt] datetimeoffset NOT NULL,
        [LeaseId] uniqueidentifier NULL,
        [LeasedUntil] datetimeoffset NULL,
        [LastAttemptAt] datetimeoffset NULL,
        [LastStatusCode] int NULL,
        [LastError] nvarchar(500) NULL,
        [DeliveredAt] datetimeoffset NULL,
        [DeadAt] datetimeoffset NULL,
        CONSTRAINT [PK_PeerMessages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PeerMessages_PeerPlatforms_PeerId] FOREIGN KEY ([PeerId]) REFERENCES [PeerPlatforms] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Tickets_TransferOutId] ON [Tickets] ([TransferOutId]) WHERE [TransferOutId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    CREATE INDEX [IX_PeerMessages_PeerId_TicketId_Status_Sequence] ON [PeerMessages] ([PeerId], [TicketId], [Status], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    CREATE INDEX [IX_PeerMessages_Status_NextAttemptAt] ON [PeerMessages] ([Status], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PeerPlatforms_Key] ON [PeerPlatforms] ([Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PeerPlatforms_Name] ON [PeerPlatforms] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203130923_PeerPlatforms'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203130923_PeerPlatforms', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203133031_QualityInspection'
)
BEGIN
    CREATE TABLE [QaChecklistItems] (
        [Id] uniqueidentifier NOT NULL,
        [Title] nvarchar(50) NOT NULL,
        [MaxScore] int NOT NULL,
        [Position] int NOT NULL,
        [IsActive] bit NOT NULL,
        CONSTRAINT [PK_QaChecklistItems] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203133031_QualityInspection'
)
BEGIN
    CREATE TABLE [QaReviews] (
        [Id] uniqueidentifier NOT NULL,
        [CallId] uniqueidentifier NOT NULL,
        [AgentId] uniqueidentifier NOT NULL,
        [ReviewerId] uniqueidentifier NOT NULL,
        [ReviewerName] nvarchar(100) NOT NULL,
        [ReviewedAt] datetimeoffset NOT NULL,
        [CallAnsweredAt] datetimeoffset NOT NULL,
        [Comment] nvarchar(1000) NULL,
        [Score] int NOT NULL,
        [MaxScore] int NOT NULL,
        CONSTRAINT [PK_QaReviews] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_QaReviews_Calls_CallId] FOREIGN KEY ([CallId]) REFERENCES [Calls] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_QaReviews_Users_AgentId] FOREIGN KEY ([AgentId]) REFERENCES [Users] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203133031_QualityInspection'
)
BEGIN
    CREATE TABLE [QaScores] (
        [Id] int NOT NULL IDENTITY,
        [ItemId] uniqueidentifier NOT NULL,
        [Title] nvarchar(50) NOT NULL,
        [Points] int NOT NULL,
        [MaxScore] int NOT NULL,
        [ReviewId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_QaScores] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_QaScores_QaReviews_ReviewId] FOREIGN KEY ([ReviewId]) REFERENCES [QaReviews] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203133031_QualityInspection'
)
BEGIN
    CREATE INDEX [IX_QaChecklistItems_IsActive_Position] ON [QaChecklistItems] ([IsActive], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203133031_QualityInspection'
)
BEGIN
    CREATE INDEX [IX_QaReviews_AgentId] ON [QaReviews] ([AgentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203133031_QualityInspection'
)
BEGIN
    CREATE INDEX [IX_QaReviews_CallAnsweredAt_AgentId] ON [QaReviews] ([CallAnsweredAt], [AgentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203133031_QualityInspection'
)
BEGIN
    CREATE UNIQUE INDEX [IX_QaReviews_CallId] ON [QaReviews] ([CallId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203133031_QualityInspection'
)
BEGIN
    CREATE INDEX [IX_QaScores_ReviewId] ON [QaScores] ([ReviewId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203133031_QualityInspection'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Title', N'MaxScore', N'Position', N'IsActive') AND [object_id] = OBJECT_ID(N'[QaChecklistItems]'))
        SET IDENTITY_INSERT [QaChecklistItems] ON;
    EXEC(N'INSERT INTO [QaChecklistItems] ([Id], [Title], [MaxScore], [Position], [IsActive])
    VALUES (''5a1d0c61-0000-4000-8000-000000000001'', N''开头语与结束语规范'', 10, 0, CAST(1 AS bit)),
    (''5a1d0c61-0000-4000-8000-000000000002'', N''答复与政策解释准确'', 40, 1, CAST(1 AS bit)),
    (''5a1d0c61-0000-4000-8000-000000000003'', N''服务态度与文明用语'', 30, 2, CAST(1 AS bit)),
    (''5a1d0c61-0000-4000-8000-000000000004'', N''工单登记完整准确'', 20, 3, CAST(1 AS bit))');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Title', N'MaxScore', N'Position', N'IsActive') AND [object_id] = OBJECT_ID(N'[QaChecklistItems]'))
        SET IDENTITY_INSERT [QaChecklistItems] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203133031_QualityInspection'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203133031_QualityInspection', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203173435_BrowserSoftphone'
)
BEGIN
    ALTER TABLE [Users] ADD [CallConnection] nvarchar(10) NOT NULL DEFAULT N'Phone';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203173435_BrowserSoftphone'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203173435_BrowserSoftphone', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203175305_WeeklyHotSpotCounts'
)
BEGIN
    CREATE INDEX [IX_Tickets_CategoryCode_CreatedDay] ON [Tickets] ([CategoryCode], [CreatedDay]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203175305_WeeklyHotSpotCounts'
)
BEGIN
    UPDATE [KpiCounts] SET [Day] = DATEADD(day, -((DATEPART(weekday, [Day]) + @@DATEFIRST - 2) % 7), [Day]) WHERE [Dimension] = N'StreetCategory';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203175305_WeeklyHotSpotCounts'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203175305_WeeklyHotSpotCounts', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203181356_EncryptTotpSecrets'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Users]') AND [c].[name] = N'TwoFactorSecret');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [Users] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [Users] ALTER COLUMN [TwoFactorSecret] nvarchar(512) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203181356_EncryptTotpSecrets'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203181356_EncryptTotpSecrets', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204191946_WebhookLaneIndex'
)
BEGIN
    DROP INDEX [IX_WebhookDeliveries_Status_NextAttemptAt] ON [WebhookDeliveries];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204191946_WebhookLaneIndex'
)
BEGIN
    CREATE INDEX [IX_WebhookDeliveries_SubscriptionId_Status_NextAttemptAt] ON [WebhookDeliveries] ([SubscriptionId], [Status], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204191946_WebhookLaneIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204191946_WebhookLaneIndex', N'10.0.15');
END;

COMMIT;
GO

