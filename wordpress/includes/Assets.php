<?php

/**
 * The bundled widget modules (the CDN build, shipped inside the plugin).
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/**
 * Registers one ES module per widget and prints it with `type="module"`. A module is enqueued
 * only by the block or shortcode that renders its widget, so other pages load nothing.
 */
final class Assets
{
    public const EDITOR_HANDLE = 'dandelion-widgets-editor';

    /** Script handle of a widget's module. */
    public static function handle(string $widget): string
    {
        return 'dandelion-' . $widget;
    }

    public static function register(): void
    {
        foreach (Widgets::names() as $widget) {
            wp_register_script(self::handle($widget), Plugin::url("assets/$widget.js"), [], VERSION, true);
        }
        wp_register_script(
            self::EDITOR_HANDLE,
            Plugin::url('blocks/editor.js'),
            ['wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n', 'wp-server-side-render'],
            VERSION,
            true
        );
        wp_set_script_translations(self::EDITOR_HANDLE, TEXT_DOMAIN, Plugin::path('languages'));
    }

    /** Loads a widget's module on this page (once, in the footer). */
    public static function enqueue(string $widget): void
    {
        wp_enqueue_script(self::handle($widget));
    }

    /** In the block editor every widget module is loaded, so block previews are the real widgets. */
    public static function enqueueEditor(): void
    {
        foreach (Widgets::names() as $widget) {
            self::enqueue($widget);
        }
        $forms = [];
        foreach (Forms::all() as $slug => $form) {
            $forms[] = ['value' => $slug, 'label' => $form['title']];
        }
        wp_add_inline_script(
            self::EDITOR_HANDLE,
            'window.dandelionEditor = ' . wp_json_encode(
                [
                    'forms' => $forms,
                    'formats' => Widgets::FORMATS,
                    'eventsCalendar' => Widgets::eventsCalendarActive(),
                ]
            ) . ';',
            'before'
        );
    }

    /** Prints the plugin's widget modules as `<script type="module">` (WordPress 6.1 has no module API). */
    public static function moduleTag(string $tag, string $handle, string $src): string
    {
        if (!in_array($handle, array_map([self::class, 'handle'], Widgets::names()), true)) {
            return $tag;
        }
        return sprintf(
            '<script type="module" src="%s" id="%s"></script>' . "\n",
            esc_url($src),
            esc_attr($handle . '-js')
        );
    }
}
