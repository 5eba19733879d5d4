CREATE TABLE IF NOT EXISTS `raw-log` (
  `id`               CHAR(32)     NOT NULL COMMENT 'md5 of the line (lowercase hex), same as clean-log.id',
  `timestamp`        DATETIME     NULL     COMMENT 'time written in the line, in its own offset; NULL if unreadable',
  `timestamp_offset` CHAR(6)      NULL     COMMENT 'UTC offset of timestamp, e.g. -05:00',
  `log`              MEDIUMTEXT   NOT NULL COMMENT 'the line as UTF-8 text; bytes that are not UTF-8 as U+FFFD',
  `occurrences`      INT UNSIGNED NOT NULL DEFAULT 1 COMMENT 'times the line occurs in the logs: each physical line once',
  `occurrence_key`   VARCHAR(255) NULL     COMMENT 'which physical line the row first came from',
  PRIMARY KEY (`id`),
  KEY `raw_log_timestamp` (`timestamp`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
