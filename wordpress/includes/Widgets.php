<?php

/**
 * The four widgets: their settings, how settings are checked, and the element each one prints.
 *
 * Blocks and shortcodes both end here, so a setting means the same in both and is checked once.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** Widget definitions, setting checks and the markup of each widget element. */
final class Widgets
{
    public const FORMATS = [
        'auto', 'json', 'csv', 'hsds', 'ics', 'rss', 'atom', 'jsonfeed', 'wordpress', 'tribe', 'jsonld',
    ];

    /**
     * Settings per widget: name => [type, options]. Shortcodes use these names; blocks use the
     * camelCase names in their block.json, mapped by Blocks.
     *
     * @return array<string, array<string, array<string, mixed>>>
     */
    public static function settings(): array
    {
        $lang = ['type' => 'enum', 'values' => Locale::LANGUAGES];
        $src = ['type' => 'url'];
        $format = ['type' => 'enum', 'values' => self::FORMATS];
        return [
            'story-carousel' => [
                'src' => $src,
                'format' => $format,
                'count' => ['type' => 'int', 'min' => 1, 'max' => 50],
                'autoplay' => ['type' => 'bool'],
                'loop' => ['type' => 'bool'],
                'overlay' => ['type' => 'bool'],
                'label' => ['type' => 'text', 'max' => 100],
                'lang' => $lang,
            ],
            'event-calendar' => [
                'src' => $src,
                'format' => $format,
                'view' => ['type' => 'enum', 'values' => ['month', 'week', 'list']],
                'lunar' => ['type' => 'bool'],
                'time-zone' => ['type' => 'timezone'],
                'lang' => $lang,
            ],
            'service-finder' => [
                'src' => $src,
                'format' => $format,
                'csv' => ['type' => 'attachment'],
                'page-size' => ['type' => 'int', 'min' => 1, 'max' => 200],
                'lang' => $lang,
            ],
            'intake-form' => [
                'form' => ['type' => 'slug'],
                'redirect' => ['type' => 'url'],
                'no-draft' => ['type' => 'bool'],
                'lang' => $lang,
            ],
        ];
    }

    /** @return string[] */
    public static function names(): array
    {
        return array_keys(self::settings());
    }

    public static function eventsCalendarActive(): bool
    {
        return class_exists('Tribe__Events__Main');
    }

    /**
     * Checks raw settings (strings from a shortcode, values from a block) against a widget's
     * definition. Unknown names and values that do not fit are refused, with a message each.
     *
     * @param array<string|int, mixed> $raw
     * @return array{0: array<string, mixed>, 1: string[]} the clean settings and the problems
     */
    public static function check(string $widget, array $raw): array
    {
        $definition = self::settings()[$widget];
        $clean = [];
        $problems = [];
        foreach ($raw as $name => $value) {
            if (is_int($name)) {
                // A bare word in a shortcode (`[dandelion_story_carousel autoplay]`) is a switch.
                $name = strtolower((string) $value);
                $value = true;
            }
            if (!isset($definition[$name])) {
                /* translators: %s: the name of a setting that the widget does not have */
                $problems[] = sprintf(__('Unknown setting "%s".', 'dandelion-widgets'), $name);
                continue;
            }
            if ($value === '' || $value === null) {
                continue;
            }
            $checked = self::checkValue($definition[$name], $value);
            if ($checked === null) {
                /* translators: %s: the name of a setting */
                $problems[] = sprintf(__('The value of "%s" is not valid.', 'dandelion-widgets'), $name);
                continue;
            }
            $clean[$name] = $checked;
        }
        return [$clean, $problems];
    }

    /**
     * @param array<string, mixed> $rule
     * @param mixed $value
     * @return mixed the clean value, or null when it does not fit
     */
    private static function checkValue(array $rule, $value)
    {
        if (is_array($value) || is_object($value)) {
            return null;
        }
        $text = trim((string) $value);
        switch ($rule['type']) {
            case 'bool':
                if (is_bool($value)) {
                    return $value;
                }
                $lower = strtolower($text);
                if (in_array($lower, ['1', 'true', 'yes', 'on'], true)) {
                    return true;
                }
                return in_array($lower, ['0', 'false', 'no', 'off'], true) ? false : null;
            case 'int':
                if (!preg_match('/^\d{1,6}$/', $text)) {
                    return null;
                }
                $number = (int) $text;
                return $number >= $rule['min'] && $number <= $rule['max'] ? $number : null;
            case 'enum':
                return in_array($text, $rule['values'], true) ? $text : null;
            case 'text':
                $clean = sanitize_text_field($text);
                return $clean !== '' && strlen($clean) <= $rule['max'] * 4 ? $clean : null;
            case 'slug':
                return preg_match('/^[a-z0-9][a-z0-9_-]{0,99}$/', $text) ? $text : null;
            case 'timezone':
                return in_array($text, timezone_identifiers_list(), true) ? $text : null;
            case 'attachment':
                if (!preg_match('/^\d{1,12}$/', $text)) {
                    return null;
                }
                $id = (int) $text;
                return get_post_type($id) === 'attachment' && get_post_status($id) !== 'trash' ? $id : null;
            case 'url':
                // Shortcode text may hold `&amp;` where the address has `&`; it is escaped again on output.
                return self::checkUrl(html_entity_decode($text, ENT_QUOTES | ENT_HTML5, 'UTF-8'));
        }
        return null;
    }

    /** A web address: http(s), or relative to the site. Anything else (javascript:, data: …) is refused. */
    private static function checkUrl(string $text): ?string
    {
        if (preg_match('/[\s<>"\']/', $text)) {
            return null;
        }
        if (preg_match('#^[a-z][a-z0-9+.-]*:#i', $text)) {
            return preg_match('#^https?://[^/]#i', $text) && esc_url_raw($text, ['http', 'https']) !== '' ? $text : null;
        }
        return strncmp($text, '//', 2) === 0 ? null : $text;
    }

    /**
     * The element for a widget, with its module enqueued; or, when the settings are refused,
     * a notice for people who can edit the page and nothing for visitors.
     *
     * @param array<string|int, mixed> $raw
     */
    public static function render(string $widget, array $raw): string
    {
        [$settings, $problems] = self::check($widget, $raw);
        $attributes = [];
        if (!$problems) {
            [$attributes, $problems] = self::attributes($widget, $settings);
        }
        if ($problems) {
            return self::refusal($widget, $problems);
        }
        Assets::enqueue($widget);
        $html = '<' . $widget;
        foreach ($attributes as $name => $value) {
            if ($value === true) {
                $html .= ' ' . $name;
            } elseif ($value !== false && $value !== null) {
                $html .= sprintf(' %s="%s"', $name, esc_attr((string) $value));
            }
        }
        return $html . '></' . $widget . '>';
    }

    /**
     * The element's attributes, with the site's own data as default source.
     *
     * @param array<string, mixed> $s
     * @return array{0: array<string, mixed>, 1: string[]}
     */
    private static function attributes(string $widget, array $s): array
    {
        $lang = $s['lang'] ?? Locale::widgetLanguage();
        switch ($widget) {
            case 'story-carousel':
                $src = $s['src'] ?? null;
                $attributes = [
                    'src' => $src ?? add_query_arg(
                        ['_embed' => '1', 'per_page' => $s['count'] ?? 8],
                        rest_url('wp/v2/posts')
                    ),
                    'format' => $s['format'] ?? ($src === null ? 'wordpress' : null),
                    'max-pages' => $src === null ? 1 : null,
                    'autoplay' => $s['autoplay'] ?? false,
                    'loop' => $s['loop'] ?? false,
                    'overlay' => $s['overlay'] ?? false,
                    'label' => $s['label'] ?? null,
                ];
                break;
            case 'event-calendar':
                $src = $s['src'] ?? null;
                $format = $s['format'] ?? null;
                if ($src === null) {
                    if (!self::eventsCalendarActive()) {
                        // phpcs:ignore Generic.Files.LineLength -- one translatable sentence.
                        return [[], [__('Give the calendar a source address (for example an iCal feed), or activate The Events Calendar.', 'dandelion-widgets')]];
                    }
                    $src = rest_url('tribe/events/v1/events');
                    $format = 'tribe';
                }
                $attributes = [
                    'src' => $src,
                    'format' => $format,
                    'view' => $s['view'] ?? null,
                    'lunar' => $s['lunar'] ?? false,
                    'time-zone' => $s['time-zone'] ?? null,
                ];
                break;
            case 'service-finder':
                $src = $s['src'] ?? null;
                $format = $s['format'] ?? null;
                if ($src === null && isset($s['csv'])) {
                    $src = wp_get_attachment_url($s['csv']);
                    $format = $format ?? 'csv';
                }
                if ($src === null || $src === false) {
                    $src = rest_url(Services::ROUTE_NAMESPACE . Services::ROUTE);
                    $format = 'json';
                }
                $attributes = [
                    'src' => $src,
                    'format' => $format,
                    'page-size' => $s['page-size'] ?? null,
                ];
                break;
            default:
                $slug = $s['form'] ?? null;
                if ($slug === null || Forms::get($slug) === null) {
                    return [[], [__('Choose one of the site\'s intake forms.', 'dandelion-widgets')]];
                }
                $attributes = [
                    'schema' => rest_url(IntakeRest::NAMESPACE . '/forms/' . $slug),
                    'action' => rest_url(IntakeRest::NAMESPACE . '/intake/' . $slug),
                    'redirect' => $s['redirect'] ?? null,
                    'no-draft' => $s['no-draft'] ?? false,
                ];
        }
        $attributes['lang'] = $lang;
        return [$attributes, []];
    }

    /** @param string[] $problems */
    private static function refusal(string $widget, array $problems): string
    {
        if (!current_user_can('edit_posts')) {
            return '';
        }
        $items = '';
        foreach ($problems as $problem) {
            $items .= '<li>' . esc_html($problem) . '</li>';
        }
        return sprintf(
            '<div class="dandelion-refused" role="note"><p>%s</p><ul>%s</ul></div>',
            /* translators: %s: the widget's element name, e.g. <story-carousel> */
            esc_html(sprintf(__('This %s is not shown to visitors until its settings are corrected:', 'dandelion-widgets'), "<$widget>")),
            $items
        );
    }
}
