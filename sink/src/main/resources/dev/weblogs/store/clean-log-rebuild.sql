CREATE TABLE IF NOT EXISTS `clean-log-rebuild` (
  `name`           VARCHAR(16)  NOT NULL COMMENT 'one rebuild at a time: always rebuild',
  `scope`          VARCHAR(64)  NOT NULL COMMENT 'the lines it reads: all, rejected, since <date>',
  `last_id`        CHAR(32)     NOT NULL COMMENT 'every line of the scope up to this raw-log id is done',
  `rows_read`      BIGINT       NOT NULL,
  `rows_changed`   BIGINT       NOT NULL,
  `newly_parsed`   BIGINT       NOT NULL,
  `newly_rejected` BIGINT       NOT NULL,
  `started_at`     DATETIME     NOT NULL COMMENT 'UTC',
  `finished_at`    DATETIME     NULL     COMMENT 'UTC; NULL while it runs or was interrupted',
  PRIMARY KEY (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
