<?php

/**
 * One block per widget, registered from its block.json; rendered on the server by Widgets.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** Registers the blocks and turns their attributes into widget settings. */
final class Blocks
{
    /** Block attribute names that differ from the setting names. */
    private const NAMES = [
        'timeZone' => 'time-zone',
        'csvId' => 'csv',
        'pageSize' => 'page-size',
        'noDraft' => 'no-draft',
    ];

    public static function register(): void
    {
        foreach (Widgets::names() as $widget) {
            register_block_type(
                Plugin::path("blocks/$widget"),
                [
                    'render_callback' => static function ($attributes) use ($widget): string {
                        return self::render($widget, is_array($attributes) ? $attributes : []);
                    },
                ]
            );
        }
    }

    /** @param array<string, mixed> $attributes */
    public static function render(string $widget, array $attributes): string
    {
        $settings = [];
        foreach ($attributes as $name => $value) {
            // Unset settings: block defaults ('' / 0 / false; numbers may arrive as 0.0 from REST).
            $unset = $value === null || $value === false || $value === '' || (is_numeric($value) && (float) $value === 0.0);
            if ($unset || in_array($name, ['className', 'align', 'anchor', 'style'], true)) {
                continue;
            }
            $settings[self::NAMES[$name] ?? $name] = $value;
        }
        $html = Widgets::render($widget, $settings);
        if ($html === '') {
            return '';
        }
        $wrapper = function_exists('get_block_wrapper_attributes')
            ? get_block_wrapper_attributes(['class' => 'dandelion-block'])
            : 'class="dandelion-block"';
        return sprintf('<div %s>%s</div>', $wrapper, $html);
    }
}
