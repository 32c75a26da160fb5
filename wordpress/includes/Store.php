<?php

/**
 * The answers table: one row per answer, at most one per (form, Idempotency-Key).
 *
 * Columns: `uuid` and `reference` (what the family is told), `form`, `idempotency_key`,
 * `body_hash` (SHA-256 of the canonical JSON, to tell a retry from a reused key), `data` (the
 * answers as JSON), `emails` (addresses found in the answers, for WordPress's privacy tools) and
 * `received_at` (UTC).
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** Creates the table and reads and writes answers. */
final class Store
{
    private const DB_VERSION = '1';
    private const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

    public static function table(): string
    {
        global $wpdb;
        return $wpdb->prefix . 'dandelion_answers';
    }

    public static function install(): void
    {
        global $wpdb;
        require_once ABSPATH . 'wp-admin/includes/upgrade.php';
        $table = self::table();
        $charset = $wpdb->get_charset_collate();
        // Keys compare exactly ("abc" is not "ABC"), in the table's own character set.
        $binary = ($wpdb->charset ?: 'utf8mb4') . '_bin';
        dbDelta(
            "CREATE TABLE $table (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  uuid char(36) NOT NULL,
  reference varchar(16) NOT NULL,
  form varchar(100) NOT NULL,
  idempotency_key varchar(200) COLLATE {$binary} NOT NULL,
  body_hash char(64) NOT NULL,
  data longtext NOT NULL,
  emails text NOT NULL,
  received_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY uuid (uuid),
  UNIQUE KEY reference (reference),
  UNIQUE KEY form_key (form,idempotency_key),
  KEY form_received (form,received_at)
) $charset;"
        );
        update_option('dandelion_db_version', self::DB_VERSION, false);
    }

    /** Creates or updates the table after a plugin update (activation hooks do not run then). */
    public static function upgrade(): void
    {
        if (get_option('dandelion_db_version') !== self::DB_VERSION) {
            self::install();
        }
    }

    /**
     * Stores an answer once per (form, key). Returns the stored row and whether it is new; a
     * repeated key returns the first row. Null when the database refused the row.
     *
     * @return array{row: object, created: bool}|null
     */
    public static function insertOnce(string $form, string $key, string $hash, string $json, string $emails): ?array
    {
        global $wpdb;
        $table = self::table();
        for ($attempt = 0; $attempt < 6; $attempt++) {
            $existing = self::findByKey($form, $key);
            if ($existing) {
                return ['row' => $existing, 'created' => false];
            }
            // INSERT IGNORE: a concurrent insert of the same key, or a reference already given,
            // leaves no row here; the lookup above then tells which it was.
            $done = $wpdb->query(
                $wpdb->prepare(
                    "INSERT IGNORE INTO $table (uuid, reference, form, idempotency_key, body_hash, data, emails, received_at)
                     VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", // phpcs:ignore -- table name is ours.
                    wp_generate_uuid4(),
                    self::newReference(),
                    $form,
                    $key,
                    $hash,
                    $json,
                    $emails,
                    gmdate('Y-m-d H:i:s')
                )
            );
            if ($done === 1) {
                return ['row' => self::findByKey($form, $key), 'created' => true];
            }
            if ($done === false) {
                return null;
            }
        }
        return null;
    }

    public static function findByKey(string $form, string $key): ?object
    {
        global $wpdb;
        $table = self::table();
        $row = $wpdb->get_row(
            $wpdb->prepare("SELECT * FROM $table WHERE form = %s AND idempotency_key = %s", $form, $key) // phpcs:ignore
        );
        return $row ?: null;
    }

    /**
     * Answers, newest first.
     *
     * @param array{form?: string, from?: string, to?: string, search?: string} $filter
     * @return object[]
     */
    public static function query(array $filter, int $limit, int $offset = 0): array
    {
        global $wpdb;
        [$where, $args] = self::where($filter);
        $table = self::table();
        $args[] = $limit;
        $args[] = $offset;
        return $wpdb->get_results(
            $wpdb->prepare("SELECT * FROM $table WHERE $where ORDER BY received_at DESC, id DESC LIMIT %d OFFSET %d", $args) // phpcs:ignore
        ) ?: [];
    }

    /** @param array{form?: string, from?: string, to?: string, search?: string} $filter */
    public static function count(array $filter): int
    {
        global $wpdb;
        [$where, $args] = self::where($filter);
        $table = self::table();
        $sql = "SELECT COUNT(*) FROM $table WHERE $where";
        return (int) $wpdb->get_var($args ? $wpdb->prepare($sql, $args) : $sql); // phpcs:ignore
    }

    /**
     * @param array{form?: string, from?: string, to?: string, search?: string} $filter
     * @return array{0: string, 1: array<int, string>}
     */
    private static function where(array $filter): array
    {
        global $wpdb;
        $where = ['1=1'];
        $args = [];
        if (!empty($filter['form'])) {
            $where[] = 'form = %s';
            $args[] = $filter['form'];
        }
        if (!empty($filter['from'])) {
            $where[] = 'received_at >= %s';
            $args[] = $filter['from'] . ' 00:00:00';
        }
        if (!empty($filter['to'])) {
            $where[] = 'received_at <= %s';
            $args[] = $filter['to'] . ' 23:59:59';
        }
        if (!empty($filter['search'])) {
            $where[] = '(data LIKE %s OR reference = %s)';
            $args[] = '%' . $wpdb->esc_like(trim(wp_json_encode($filter['search'], JSON_UNESCAPED_UNICODE), '"')) . '%';
            $args[] = strtoupper($filter['search']);
        }
        return [implode(' AND ', $where), $args];
    }

    /** @return object[] answers that hold this email address */
    public static function byEmail(string $email, int $limit, int $offset = 0): array
    {
        global $wpdb;
        $table = self::table();
        return $wpdb->get_results(
            $wpdb->prepare(
                "SELECT * FROM $table WHERE emails LIKE %s ORDER BY id LIMIT %d OFFSET %d", // phpcs:ignore
                '%' . $wpdb->esc_like("\n" . strtolower($email) . "\n") . '%',
                $limit,
                $offset
            )
        ) ?: [];
    }

    public static function delete(int $id): bool
    {
        global $wpdb;
        return (bool) $wpdb->delete(self::table(), ['id' => $id], ['%d']);
    }

    /** The addresses in an answer, as the `emails` column keeps them ("\na@x\nb@y\n"). */
    public static function emailsOf($data): string
    {
        $found = [];
        $visit = static function ($value) use (&$visit, &$found): void {
            if (is_string($value)) {
                $candidate = strtolower(Validator::trim($value));
                if (is_email($candidate)) {
                    $found[$candidate] = true;
                }
            } elseif (is_array($value) || is_object($value)) {
                foreach ((array) $value as $item) {
                    $visit($item);
                }
            }
        };
        $visit($data);
        return $found ? "\n" . implode("\n", array_keys($found)) . "\n" : '';
    }

    private static function newReference(): string
    {
        $code = '';
        for ($i = 0; $i < 4; $i++) {
            $code .= self::REFERENCE_ALPHABET[random_int(0, strlen(self::REFERENCE_ALPHABET) - 1)];
        }
        return 'DX-' . $code;
    }
}
