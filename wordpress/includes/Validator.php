<?php

/**
 * The intake validator on the server: a port of src/intake-form/validate.ts (the subset of JSON
 * Schema 2020-12 the form supports), so the server refuses exactly what the form refuses and
 * answers with the same issue codes (`required`, `type`, `minLength` …) at the same pointers.
 *
 * Values are JSON decoded with objects as `stdClass` (so `{}` and `[]` stay apart).
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** Checks answers against a form schema; returns one issue per answer at most. */
final class Validator
{
    /** Keyword checks in the order their messages matter most (as in validate.ts). */
    private const KEYWORDS = [
        'const', 'minLength', 'maxLength', 'format', 'pattern', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems',
    ];

    /**
     * @param mixed $value
     * @return array<int, array{pointer: string, code: string, params?: array<string, mixed>}>
     */
    public static function validate(object $schema, $value): array
    {
        $issues = [];
        self::walk($schema, $value, '', $issues);
        return $issues;
    }

    /** @param mixed $value */
    public static function isMissing($value): bool
    {
        return $value === null
            || (is_string($value) && self::trim($value) === '')
            || (is_array($value) && count($value) === 0);
    }

    /** Trims Unicode white space (JavaScript's `trim`, which includes the ideographic space). */
    public static function trim(string $text): string
    {
        return (string) preg_replace('/^[\s\p{Z}\x{FEFF}]+|[\s\p{Z}\x{FEFF}]+$/u', '', $text);
    }

    public static function codePoints(string $text): int
    {
        return (int) preg_match_all('/./su', $text);
    }

    /**
     * @param mixed $schema
     * @param mixed $value
     * @param array<int, array<string, mixed>> $issues
     */
    private static function walk($schema, $value, string $pointer, array &$issues): void
    {
        if (!is_object($schema)) {
            return;
        }
        if (property_exists($schema, 'type') && !self::typeMatches($schema->type, $value)) {
            $type = is_array($schema->type) ? implode('|', $schema->type) : (string) $schema->type;
            $issues[] = ['pointer' => $pointer, 'code' => 'type', 'params' => ['type' => $type]];
            return;
        }
        $allowed = self::allowedValues($schema);
        if ($allowed !== null) {
            $found = false;
            foreach ($allowed as $candidate) {
                if (self::jsonEqual($candidate, $value)) {
                    $found = true;
                    break;
                }
            }
            if (!$found) {
                $issues[] = ['pointer' => $pointer, 'code' => 'enum'];
                return;
            }
        }
        foreach (self::KEYWORDS as $keyword) {
            if (!property_exists($schema, $keyword)) {
                continue;
            }
            $failed = self::execute($keyword, $value, $schema->$keyword);
            if ($failed !== null) {
                $issue = ['pointer' => $pointer, 'code' => $keyword];
                if ($failed) {
                    $issue['params'] = $failed;
                }
                $issues[] = $issue;
                return;
            }
        }
        if (is_array($value) && isset($schema->items) && is_object($schema->items)) {
            foreach ($value as $i => $item) {
                self::walk($schema->items, $item, $pointer . '/' . $i, $issues);
            }
        }
        if (is_object($value)) {
            self::walkObject($schema, $value, $pointer, $issues);
        }
    }

    /**
     * @param array<int, array<string, mixed>> $issues
     */
    private static function walkObject(object $schema, object $value, string $pointer, array &$issues): void
    {
        $missing = [];
        $require = static function ($name) use ($value, $pointer, &$missing, &$issues): void {
            if (is_string($name) && self::isMissing($value->$name ?? null) && !isset($missing[$name])) {
                $missing[$name] = true;
                $issues[] = ['pointer' => self::child($pointer, $name), 'code' => 'required'];
            }
        };
        if (isset($schema->required) && is_array($schema->required)) {
            array_map($require, $schema->required);
        }
        if (isset($schema->dependentRequired) && is_object($schema->dependentRequired)) {
            foreach (get_object_vars($schema->dependentRequired) as $trigger => $names) {
                if (!self::isMissing($value->$trigger ?? null) && is_array($names)) {
                    array_map($require, $names);
                }
            }
        }
        if (isset($schema->properties) && is_object($schema->properties)) {
            foreach (get_object_vars($schema->properties) as $name => $sub) {
                $name = (string) $name;
                if (isset($missing[$name]) || self::isMissing($value->$name ?? null)) {
                    continue;
                }
                self::walk($sub, $value->$name, self::child($pointer, $name), $issues);
            }
        }
        $branches = [];
        if (property_exists($schema, 'if')) {
            $branches[] = $schema;
        }
        if (isset($schema->allOf) && is_array($schema->allOf)) {
            $branches = array_merge($branches, $schema->allOf);
        }
        foreach ($branches as $branch) {
            if (!is_object($branch)) {
                continue;
            }
            if ($branch !== $schema && !property_exists($branch, 'if')) {
                self::walk($branch, $value, $pointer, $issues);
                continue;
            }
            $chosen = self::conditionHolds($branch->if, $value) ? ($branch->then ?? null) : ($branch->else ?? null);
            if (!is_object($chosen)) {
                continue;
            }
            $before = count($issues);
            self::walkObject($chosen, $value, $pointer, $issues);
            // A branch may repeat a required name the object already reported: keep one message.
            for ($i = count($issues) - 1; $i >= $before; $i--) {
                foreach (array_slice($issues, 0, $i) as $earlier) {
                    if ($earlier['pointer'] === $issues[$i]['pointer']) {
                        array_splice($issues, $i, 1);
                        break;
                    }
                }
            }
        }
    }

    /** @param mixed $condition @param mixed $value */
    private static function conditionHolds($condition, $value): bool
    {
        if ($condition === true) {
            return true;
        }
        if (!is_object($condition)) {
            return false;
        }
        $issues = [];
        self::walk($condition, $value, '', $issues);
        return !$issues;
    }

    private static function child(string $pointer, string $key): string
    {
        return $pointer . '/' . str_replace(['~', '/'], ['~0', '~1'], $key);
    }

    /** @param mixed $value */
    private static function isNumber($value): bool
    {
        return is_int($value) || (is_float($value) && is_finite($value));
    }

    /** @param mixed $type @param mixed $value */
    private static function typeMatches($type, $value): bool
    {
        if (is_array($type)) {
            foreach ($type as $one) {
                if (self::typeMatches($one, $value)) {
                    return true;
                }
            }
            return false;
        }
        switch ($type) {
            case 'string':
                return is_string($value);
            case 'number':
                return self::isNumber($value);
            case 'integer':
                return is_int($value) || (self::isNumber($value) && floor($value) === $value);
            case 'boolean':
                return is_bool($value);
            case 'object':
                return is_object($value);
            case 'array':
                return is_array($value);
            case 'null':
                return $value === null;
        }
        return true;
    }

    /** @return array<int, mixed>|null */
    private static function allowedValues(object $schema): ?array
    {
        if (isset($schema->enum) && is_array($schema->enum)) {
            return $schema->enum;
        }
        if (isset($schema->oneOf) && is_array($schema->oneOf)) {
            $values = [];
            foreach ($schema->oneOf as $option) {
                if (!is_object($option) || !property_exists($option, 'const')) {
                    return null;
                }
                $values[] = $option->const;
            }
            return $values;
        }
        return null;
    }

    /** Deep equality of JSON values (1 and 1.0 are the same number, as in JavaScript). */
    public static function jsonEqual($a, $b): bool
    {
        if (self::isNumber($a) && self::isNumber($b)) {
            return (float) $a === (float) $b;
        }
        if (is_array($a) && is_array($b)) {
            if (count($a) !== count($b)) {
                return false;
            }
            foreach ($a as $i => $item) {
                if (!array_key_exists($i, $b) || !self::jsonEqual($item, $b[$i])) {
                    return false;
                }
            }
            return true;
        }
        if (is_object($a) && is_object($b)) {
            $left = get_object_vars($a);
            $right = get_object_vars($b);
            if (count($left) !== count($right)) {
                return false;
            }
            foreach ($left as $key => $item) {
                if (!array_key_exists($key, $right) || !self::jsonEqual($item, $right[$key])) {
                    return false;
                }
            }
            return true;
        }
        return $a === $b;
    }

    /**
     * One keyword check: null when the value passes, else the issue's parameters (maybe empty).
     *
     * @param mixed $value
     * @param mixed $param
     * @return array<string, mixed>|null
     */
    private static function execute(string $keyword, $value, $param): ?array
    {
        $limit = self::isNumber($param) ? $param : null;
        switch ($keyword) {
            case 'const':
                return self::jsonEqual($value, $param) ? null : [];
            case 'minLength':
            case 'maxLength':
                if (!is_string($value) || $limit === null) {
                    return null;
                }
                $actual = self::codePoints(self::trim($value));
                $fails = $keyword === 'minLength' ? $actual < $limit : $actual > $limit;
                return $fails ? ['limit' => $limit, 'actual' => $actual] : null;
            case 'format':
                return is_string($value) && is_string($param) && !self::checkFormat($param, $value) ? ['format' => $param] : null;
            case 'pattern':
                return is_string($value) && is_string($param) && Patterns::fails($param, $value) ? [] : null;
            case 'minimum':
                return self::isNumber($value) && $limit !== null && $value < $limit ? ['limit' => $limit] : null;
            case 'maximum':
                return self::isNumber($value) && $limit !== null && $value > $limit ? ['limit' => $limit] : null;
            case 'minItems':
            case 'maxItems':
                if (!is_array($value) || $limit === null) {
                    return null;
                }
                $actual = count($value);
                $fails = $keyword === 'minItems' ? $actual < $limit : $actual > $limit;
                return $fails ? ['limit' => $limit, 'actual' => $actual] : null;
            case 'uniqueItems':
                if ($param !== true || !is_array($value)) {
                    return null;
                }
                foreach ($value as $i => $item) {
                    foreach (array_slice($value, 0, $i) as $earlier) {
                        if (self::jsonEqual($item, $earlier)) {
                            return [];
                        }
                    }
                }
                return null;
        }
        return null;
    }

    /** The formats the form checks (email, tel, date, uri); others pass. */
    public static function checkFormat(string $format, string $text): bool
    {
        $value = self::trim(self::foldWidth($text));
        switch ($format) {
            case 'email':
                return (bool) preg_match('/^[^\s\p{Z}@<>()[\],;:"]+@[^\s\p{Z}@<>()[\],;:"]+\.[^\s\p{Z}@<>()[\],;:".]{2,}$/u', $value);
            case 'tel':
                return self::isChinesePhone($value);
            case 'date':
                return (bool) preg_match('/^(\d{4})-(\d{2})-(\d{2})$/', $value, $m)
                    && checkdate((int) $m[2], (int) $m[3], (int) $m[1]);
            case 'uri':
                if (!preg_match('#^https?://[^\s\p{Z}]+$#iu', $value)) {
                    return false;
                }
                $host = wp_parse_url($value, PHP_URL_HOST);
                return is_string($host) && $host !== '';
        }
        return true;
    }

    /**
     * A mainland China mobile (1[3-9] and 9 more digits) or landline (area code 010, 02x or 0xxx,
     * then 7–8 digits, optional extension after 转, 分机, ext, x or #), with an optional +86 or
     * 0086, spaces and hyphens anywhere: isChinesePhone() in validate.ts, rule for rule.
     */
    private static function isChinesePhone(string $text): bool
    {
        if (self::codePoints($text) > 40) {
            return false;
        }
        $space = '[\s\p{Z}\x{FEFF}]*';
        $withExtension = '/^([+\d\s\p{Z}\x{FEFF}()-]+?)(?:' . $space . '(?:转|分机|ext\.?|x|#)' . $space . '(\d{1,6}))?$/iuD';
        if (!preg_match($withExtension, $text, $parts)) {
            return false;
        }
        $number = $parts[1];
        $extension = isset($parts[2]) && $parts[2] !== '';
        if (!preg_match('/^\+?[\d\s\p{Z}\x{FEFF}-]*(?:\(\d+\))?[\d\s\p{Z}\x{FEFF}-]*$/uD', $number)) {
            return false;
        }
        $compact = (string) preg_replace('/[\s\p{Z}\x{FEFF}()-]/u', '', $number);
        $national = (string) preg_replace('/^(?:\+86|0086)/', '', $compact);
        $international = $national !== $compact;
        if (!$extension && preg_match('/^1[3-9]\d{9}$/D', $national)) {
            return true;
        }
        $landline = $international
            ? '/^0?(?:10|2\d|[3-9]\d{2})\d{7,8}$/D'
            : '/^0(?:10|2\d|[3-9]\d{2})\d{7,8}$/D';
        return (bool) preg_match($landline, $national);
    }

    /**
     * Full-width letters, digits and the ideographic space as their ASCII forms: the part of
     * Unicode NFKC (which the form applies) that matters for these formats.
     */
    private static function foldWidth(string $text): string
    {
        if (class_exists('Normalizer')) {
            $normal = \Normalizer::normalize($text, \Normalizer::FORM_KC);
            return is_string($normal) ? $normal : $text;
        }
        return (string) preg_replace_callback(
            '/[\x{FF01}-\x{FF5E}\x{3000}]/u',
            static function (array $m): string {
                $code = self::ord($m[0]);
                return $code === 0x3000 ? ' ' : chr($code - 0xFEE0);
            },
            $text
        );
    }

    /** Code point of one UTF-8 character of three bytes (the full-width range). */
    private static function ord(string $char): int
    {
        return ((ord($char[0]) & 0x0F) << 12) | ((ord($char[1]) & 0x3F) << 6) | (ord($char[2]) & 0x3F);
    }
}
