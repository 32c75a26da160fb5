<?php

/**
 * One shortcode per widget, for the classic editor and page builders:
 * `[dandelion_story_carousel]`, `[dandelion_event_calendar src="…"]`,
 * `[dandelion_service_finder csv="12"]`, `[dandelion_intake_form form="activity-signup"]`.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** Registers the shortcodes; their attributes are checked like block settings. */
final class Shortcodes
{
    public static function tag(string $widget): string
    {
        return 'dandelion_' . str_replace('-', '_', $widget);
    }

    public static function register(): void
    {
        foreach (Widgets::names() as $widget) {
            add_shortcode(
                self::tag($widget),
                static function ($attributes) use ($widget): string {
                    return Widgets::render($widget, is_array($attributes) ? $attributes : []);
                }
            );
        }
    }
}
