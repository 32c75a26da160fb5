<?php

/**
 * Wires the plugin's parts to WordPress hooks.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** Entry point: every hook the plugin uses is added here, so the whole surface is in one place. */
final class Plugin
{
    public static function boot(): void
    {
        add_action('init', [self::class, 'init']);
        add_action('plugins_loaded', [Store::class, 'upgrade']);
        add_action('rest_api_init', [IntakeRest::class, 'register']);
        add_action('rest_api_init', [Services::class, 'registerRoutes']);
        add_filter('script_loader_tag', [Assets::class, 'moduleTag'], 10, 3);
        add_action('enqueue_block_editor_assets', [Assets::class, 'enqueueEditor']);
        add_filter('wp_privacy_personal_data_exporters', [Privacy::class, 'registerExporter']);
        add_filter('wp_privacy_personal_data_erasers', [Privacy::class, 'registerEraser']);
        add_action('admin_init', [Privacy::class, 'policyText']);
        if (is_admin()) {
            Admin::boot();
        }
    }

    public static function init(): void
    {
        load_plugin_textdomain(TEXT_DOMAIN, false, dirname(plugin_basename(PLUGIN_FILE)) . '/languages');
        Assets::register();
        Services::registerTypes();
        Forms::registerType();
        Blocks::register();
        Shortcodes::register();
    }

    /** Absolute path of a file inside the plugin. */
    public static function path(string $relative): string
    {
        return plugin_dir_path(PLUGIN_FILE) . ltrim($relative, '/');
    }

    /** Public URL of a file inside the plugin. */
    public static function url(string $relative): string
    {
        return plugins_url(ltrim($relative, '/'), PLUGIN_FILE);
    }
}
