<?php

/**
 * Plugin Name:       Dandelion Widgets
 * Plugin URI:        https://github.com/dandelion-widgets/dandelion-widgets
 * Description:       Service finder, event calendar, intake form and story carousel: blocks, shortcodes and a safe home for intake answers.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Dandelion contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       dandelion-widgets
 * Domain Path:       /languages
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

if (!defined('ABSPATH')) {
    exit;
}

const VERSION = '0.1.0';
const PLUGIN_FILE = __FILE__;
const TEXT_DOMAIN = 'dandelion-widgets';

spl_autoload_register(
    static function (string $class): void {
        $prefix = __NAMESPACE__ . '\\';
        if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
            return;
        }
        $file = __DIR__ . '/includes/' . substr($class, strlen($prefix)) . '.php';
        if (is_readable($file)) {
            require_once $file;
        }
    }
);

register_activation_hook(__FILE__, [Store::class, 'install']);
Plugin::boot();
