CREATE TABLE IF NOT EXISTS `clean-log-changes` (
  `seq`        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `id`         CHAR(32)        NOT NULL COMMENT 'a clean-log row updated or deleted after its insert',
  `changed_at` DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (`seq`),
  KEY `clean_log_changes_changed_at` (`changed_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
