CREATE TABLE IF NOT EXISTS `clean-log-rejected` (
  `id`             CHAR(32)      NOT NULL COMMENT 'md5 of the line, same as raw-log.id, where the line is',
  `reason`         VARCHAR(1024) NOT NULL COMMENT 'the parser''s reason, or the database''s for a row it refused',
  `rejected_at`    DATETIME      NOT NULL COMMENT 'UTC',
  `occurrences`    INT UNSIGNED  NOT NULL DEFAULT 1 COMMENT 'as in raw-log',
  `occurrence_key` VARCHAR(255)  NULL     COMMENT 'which physical line the row first came from',
  PRIMARY KEY (`id`),
  KEY `clean_log_rejected_rejected_at` (`rejected_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
