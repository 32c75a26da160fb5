<?php

/**
 * Schema `pattern`s on the server. The form runs them on a linear-time engine (RE2) and does not
 * run what that engine refuses (back-references, look-around, over 1,000 repetitions); this does
 * the same, translating ECMA-262 syntax to PCRE (`\u4e00` → `\x{4e00}`, `\p{Script=Han}` →
 * `\p{Han}`) and running it with backtracking bounded, so no answer can hold the server.
 * scripts/test-wordpress.mjs compares this with the browser's validator on seeded answers.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** Compiles and runs schema patterns the way the form does. */
final class Patterns
{
    private const SCRIPTS = [
        'Hani' => 'Han', 'Han' => 'Han', 'Latn' => 'Latin', 'Latin' => 'Latin', 'Hira' => 'Hiragana',
        'Hiragana' => 'Hiragana', 'Kana' => 'Katakana', 'Katakana' => 'Katakana', 'Hang' => 'Hangul',
        'Hangul' => 'Hangul', 'Cyrl' => 'Cyrillic', 'Cyrillic' => 'Cyrillic', 'Grek' => 'Greek',
        'Greek' => 'Greek', 'Arab' => 'Arabic', 'Arabic' => 'Arabic', 'Tibt' => 'Tibetan',
        'Tibetan' => 'Tibetan', 'Mong' => 'Mongolian', 'Mongolian' => 'Mongolian',
    ];

    /** @var array<string, string|null> */
    private static array $cache = [];

    /** Whether the text fails the pattern. A pattern that cannot run is not checked (as in the form). */
    public static function fails(string $pattern, string $text): bool
    {
        $regex = self::compile($pattern);
        if ($regex === null) {
            return false;
        }
        $jit = ini_get('pcre.jit');
        $limit = ini_get('pcre.backtrack_limit');
        ini_set('pcre.jit', '0');
        ini_set('pcre.backtrack_limit', '100000');
        $result = preg_match($regex, $text);
        ini_set('pcre.jit', (string) $jit);
        ini_set('pcre.backtrack_limit', (string) $limit);
        // Past the bound (a pattern such as ^(a+)+$ on "aaaa…b") PCRE gives up: the answer is
        // refused rather than hold the server. Backtracking explodes when a text does not match,
        // which is what the form's linear-time engine has then said too.
        return $result !== 1;
    }

    /** The PCRE form of an ECMA-262 pattern, or null when it is not run. */
    public static function compile(string $pattern): ?string
    {
        if (array_key_exists($pattern, self::$cache)) {
            return self::$cache[$pattern];
        }
        $regex = self::translate($pattern);
        // phpcs:ignore Generic.PHP.NoSilencedErrors -- an invalid pattern is an answer here, not a warning.
        if ($regex !== null && @preg_match($regex, '') === false) {
            $regex = null;
        }
        self::$cache[$pattern] = $regex;
        return $regex;
    }

    private static function translate(string $pattern): ?string
    {
        if (
            preg_match('/\\\\[1-9]|\\\\k<|\(\?<?[=!]/', $pattern)
            || preg_match_all('/\{(\d+)(?:,(\d*))?\}/', $pattern, $counts, PREG_SET_ORDER) === false
        ) {
            return null;
        }
        foreach ($counts as $count) {
            if ((int) $count[1] > 1000 || (isset($count[2]) && $count[2] !== '' && (int) $count[2] > 1000)) {
                return null;
            }
        }
        $out = '';
        $inClass = false;
        $length = strlen($pattern);
        for ($i = 0; $i < $length; $i++) {
            $char = $pattern[$i];
            if ($char === '\\' && $i + 1 < $length) {
                $next = $pattern[$i + 1];
                if ($next === 'u' && preg_match('/^\{([0-9a-fA-F]{1,6})\}/', substr($pattern, $i + 2), $m)) {
                    $out .= '\\x{' . $m[1] . '}';
                    $i += 1 + strlen($m[0]);
                    continue;
                }
                if ($next === 'u' && preg_match('/^([0-9a-fA-F]{4})(?:\\\\u([dD][c-fC-F][0-9a-fA-F]{2}))?/', substr($pattern, $i + 2), $m)) {
                    $code = hexdec($m[1]);
                    if (isset($m[2]) && $code >= 0xD800 && $code <= 0xDBFF) {
                        $code = 0x10000 + (($code - 0xD800) << 10) + (hexdec($m[2]) - 0xDC00);
                    }
                    $out .= sprintf('\\x{%X}', $code);
                    $i += 1 + strlen($m[0]);
                    continue;
                }
                if (($next === 'p' || $next === 'P') && preg_match('/^\{(?:Script|sc)=(\w+)\}/', substr($pattern, $i + 2), $m)) {
                    if (!isset(self::SCRIPTS[$m[1]])) {
                        return null;
                    }
                    $out .= '\\' . $next . '{' . self::SCRIPTS[$m[1]] . '}';
                    $i += 1 + strlen($m[0]);
                    continue;
                }
                if ($next === 'd') {
                    $out .= $inClass ? '0-9' : '[0-9]';
                } elseif ($next === 's') {
                    // JavaScript's \s includes Unicode spaces (U+3000 …); PCRE's only ASCII ones.
                    $out .= $inClass ? '\\s\\p{Z}\\x{FEFF}' : '[\\s\\p{Z}\\x{FEFF}]';
                } else {
                    $out .= '\\' . $next;
                }
                $i++;
                continue;
            }
            if ($char === '[' && !$inClass) {
                $inClass = true;
            } elseif ($char === ']' && $inClass) {
                $inClass = false;
            } elseif ($char === '/') {
                $out .= '\\/';
                continue;
            }
            $out .= $char;
        }
        return '/' . $out . '/u';
    }
}
