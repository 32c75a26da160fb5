<?php

/**
 * The intake REST routes, answering like the demo receiver (docs/intake-form.md, "Backend contract"):
 *
 *   GET  /dandelion/v1/forms/<form>            the form's JSON Schema (public)
 *   POST /dandelion/v1/intake/<form>           an answer: JSON ≤ 256 KB, Idempotency-Key header;
 *                                              201 { id, reference }, 200 the same for a repeated
 *                                              key, 422 problem details with errors[], 429 when
 *                                              one visitor sends too many
 *   GET  /dandelion/v1/intake/<form>/answers   staff only (the capability chosen in settings)
 *
 * Answers are never written to a log.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/** Receives intake answers and serves forms and answers over the REST API. */
final class IntakeRest
{
    public const NAMESPACE = 'dandelion/v1';
    public const MAX_BYTES = 262144;

    public static function register(): void
    {
        $form = '(?P<form>[a-z0-9][a-z0-9_-]{0,99})';
        register_rest_route(self::NAMESPACE, "/forms/$form", [
            'methods' => WP_REST_Server::READABLE,
            'callback' => [self::class, 'schema'],
            'permission_callback' => '__return_true',
        ]);
        register_rest_route(self::NAMESPACE, "/intake/$form", [
            'methods' => WP_REST_Server::CREATABLE,
            'callback' => [self::class, 'receive'],
            'permission_callback' => '__return_true',
        ]);
        register_rest_route(self::NAMESPACE, "/intake/$form/answers", [
            'methods' => WP_REST_Server::READABLE,
            'callback' => [self::class, 'answers'],
            'permission_callback' => [Admin::class, 'canReadAnswers'],
            'args' => [
                'limit' => ['type' => 'integer', 'minimum' => 1, 'maximum' => 5000, 'default' => 500],
            ],
        ]);
    }

    public static function schema(WP_REST_Request $request): WP_REST_Response
    {
        $form = Forms::get((string) $request['form']);
        if (!$form) {
            return self::problem(404, __('No such form', 'dandelion-widgets'));
        }
        $response = new WP_REST_Response($form['schema'], 200);
        $response->header('Cache-Control', 'no-cache');
        return $response;
    }

    public static function receive(WP_REST_Request $request): WP_REST_Response
    {
        $slug = (string) $request['form'];
        $key = $request->get_header('idempotency_key');
        if ($key !== null && !preg_match('/^[\x21-\x7e]{1,200}$/', $key)) {
            return self::problem(400, __('Idempotency-Key must be 1 to 200 visible ASCII characters', 'dandelion-widgets'));
        }
        $form = Forms::get($slug);
        if (!$form) {
            return self::problem(404, __('No such form', 'dandelion-widgets'));
        }
        if (!preg_match('#^application/([\w.+-]+\+)?json\b#i', (string) $request->get_header('content_type'))) {
            return self::problem(415, __('Send the answers as application/json', 'dandelion-widgets'));
        }
        $raw = $request->get_body();
        if (strlen($raw) > self::MAX_BYTES) {
            return self::problem(413, __('The answers are too large', 'dandelion-widgets'));
        }
        $data = json_decode($raw, false, 64);
        if (json_last_error() === JSON_ERROR_DEPTH) {
            return self::problem(422, __('The answers are nested too deeply', 'dandelion-widgets'), ['errors' => []]);
        }
        if (json_last_error() !== JSON_ERROR_NONE) {
            return self::problem(400, __('The body is not valid JSON', 'dandelion-widgets'));
        }
        if (!is_object($data)) {
            return self::problem(422, __('The answers must be a JSON object', 'dandelion-widgets'), ['errors' => []]);
        }
        $canonical = self::canonicalJson($data);
        $hash = hash('sha256', $canonical);
        $key = $key ?? wp_generate_uuid4();

        // A retry of an answer already stored gets its first answer again, whatever the limits.
        $existing = Store::findByKey($slug, $key);
        if ($existing) {
            return self::stored($existing, false, $hash);
        }
        $wait = RateLimit::hit();
        if ($wait > 0) {
            $response = self::problem(429, __('Too many answers from this device; please try again later', 'dandelion-widgets'));
            $response->header('Retry-After', (string) $wait);
            return $response;
        }
        $issues = Validator::validate($form['schema'], $data);
        if ($issues) {
            return self::problem(422, __('Some answers need correcting', 'dandelion-widgets'), [
                'errors' => array_map([self::class, 'fieldError'], $issues),
            ]);
        }
        $json = (string) wp_json_encode($data, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
        $outcome = Store::insertOnce($slug, $key, $hash, $json, Store::emailsOf($data));
        if (!$outcome) {
            return self::problem(500, __('The answers could not be stored; please try again later', 'dandelion-widgets'));
        }
        return self::stored($outcome['row'], $outcome['created'], $hash);
    }

    private static function stored(object $row, bool $created, string $hash): WP_REST_Response
    {
        if (!$created && !hash_equals($row->body_hash, $hash)) {
            return self::problem(422, __('This Idempotency-Key was already used for different answers', 'dandelion-widgets'));
        }
        $response = new WP_REST_Response(['id' => $row->uuid, 'reference' => $row->reference], $created ? 201 : 200);
        $response->header('Cache-Control', 'no-store');
        return $response;
    }

    /**
     * @param array{pointer: string, code: string, params?: array<string, mixed>} $issue
     * @return array<string, mixed>
     */
    public static function fieldError(array $issue): array
    {
        $details = [
            'required' => __('An answer is required.', 'dandelion-widgets'),
            'type' => __('The answer has the wrong type.', 'dandelion-widgets'),
            'minLength' => __('The answer is too short.', 'dandelion-widgets'),
            'maxLength' => __('The answer is too long.', 'dandelion-widgets'),
            'pattern' => __('The answer does not look right.', 'dandelion-widgets'),
            'format' => __('The answer does not look right.', 'dandelion-widgets'),
            'minimum' => __('The number is too small.', 'dandelion-widgets'),
            'maximum' => __('The number is too large.', 'dandelion-widgets'),
            'enum' => __('The answer is not one of the choices.', 'dandelion-widgets'),
            'const' => __('The answer is not the expected value.', 'dandelion-widgets'),
            'minItems' => __('Too few choices.', 'dandelion-widgets'),
            'maxItems' => __('Too many choices.', 'dandelion-widgets'),
            'uniqueItems' => __('A choice is repeated.', 'dandelion-widgets'),
        ];
        $error = ['pointer' => $issue['pointer'], 'code' => $issue['code']];
        if (!empty($issue['params'])) {
            $error['params'] = $issue['params'];
        }
        $error['detail'] = $details[$issue['code']] ?? __('The answer is not valid.', 'dandelion-widgets');
        return $error;
    }

    public static function answers(WP_REST_Request $request): WP_REST_Response
    {
        $slug = (string) $request['form'];
        if (!Forms::get($slug)) {
            return self::problem(404, __('No such form', 'dandelion-widgets'));
        }
        $items = array_map(
            static function (object $row): array {
                return [
                    'id' => $row->uuid,
                    'reference' => $row->reference,
                    'key' => $row->idempotency_key,
                    'receivedAt' => mysql_to_rfc3339($row->received_at),
                    'data' => json_decode($row->data),
                ];
            },
            Store::query(['form' => $slug], (int) $request['limit'])
        );
        $response = new WP_REST_Response(['form' => $slug, 'items' => $items], 200);
        $response->header('Cache-Control', 'no-store');
        return $response;
    }

    /**
     * RFC 9457 problem details.
     *
     * @param array<string, mixed> $extra
     */
    public static function problem(int $status, string $title, array $extra = []): WP_REST_Response
    {
        $response = new WP_REST_Response(
            array_merge(['type' => 'about:blank', 'title' => $title, 'status' => $status], $extra),
            $status
        );
        $response->header('Content-Type', 'application/problem+json; charset=utf-8');
        $response->header('Cache-Control', 'no-store');
        return $response;
    }

    /**
     * Canonical JSON: keys sorted, no white space. A genuine retry that a proxy re-serialized
     * (spacing, key order) is still the same answers.
     *
     * @param mixed $value
     */
    public static function canonicalJson($value): string
    {
        if (is_array($value)) {
            return '[' . implode(',', array_map([self::class, 'canonicalJson'], $value)) . ']';
        }
        if (is_object($value)) {
            $fields = get_object_vars($value);
            uksort($fields, static function ($a, $b): int {
                return strcmp(self::utf16((string) $a), self::utf16((string) $b));
            });
            $parts = [];
            foreach ($fields as $name => $item) {
                $parts[] = self::encode((string) $name) . ':' . self::canonicalJson($item);
            }
            return '{' . implode(',', $parts) . '}';
        }
        return self::encode($value);
    }

    /** @param mixed $value */
    private static function encode($value): string
    {
        return (string) wp_json_encode($value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
    }

    /** Keys sort by UTF-16 code units (RFC 8785), which differs from UTF-8 byte order above U+FFFF. */
    private static function utf16(string $text): string
    {
        return function_exists('iconv') ? (string) iconv('UTF-8', 'UTF-16BE', $text) : $text;
    }
}
