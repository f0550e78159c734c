/**
 * Flyway migrations written in Java, for steps SQL cannot do (events to re-encode); Flyway finds them here beside the
 * SQL migrations of {@code src/main/resources/db/migration}.
 */
package db.migration;
