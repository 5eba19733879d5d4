CREATE TABLE IF NOT EXISTS `raw-log-repeats` (
  `id`             CHAR(32)    NOT NULL COMMENT 'a raw-log row whose line occurs more than once',
  `occurrence_key` VARCHAR(255) NOT NULL COMMENT 'an occurrence other than the row''s first',
  PRIMARY KEY (`id`, `occurrence_key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
