<?php

/**
 * New intake answers per visitor: by default at most 20 in 10 minutes from one address.
 * Filter `dandelion_intake_rate_limit` (['answers' => int, 'seconds' => int]) to change it and
 * `dandelion_intake_visitor` to identify visitors behind a proxy. Only a keyed hash of the
 * address is kept, for the length of the window.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** A fixed-window counter per visitor, kept in a transient. */
final class RateLimit
{
    /** Counts one answer; returns 0 when allowed, else the seconds to wait. */
    public static function hit(): int
    {
        $limit = apply_filters('dandelion_intake_rate_limit', ['answers' => 20, 'seconds' => 600]);
        $answers = max(1, (int) ($limit['answers'] ?? 20));
        $seconds = max(1, (int) ($limit['seconds'] ?? 600));
        $address = isset($_SERVER['REMOTE_ADDR']) ? sanitize_text_field(wp_unslash($_SERVER['REMOTE_ADDR'])) : '';
        $visitor = (string) apply_filters('dandelion_intake_visitor', $address);
        $key = 'dandelion_rate_' . substr(hash_hmac('sha256', $visitor, wp_salt('nonce')), 0, 32);
        $now = time();
        $window = get_transient($key);
        if (!is_array($window) || ($window['start'] ?? 0) + $seconds <= $now) {
            $window = ['start' => $now, 'count' => 0];
        }
        if ($window['count'] >= $answers) {
            return max(1, $window['start'] + $seconds - $now);
        }
        $window['count']++;
        set_transient($key, $window, $seconds);
        return 0;
    }
}
