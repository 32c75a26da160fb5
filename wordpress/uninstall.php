<?php

/**
 * Deleting the plugin (Plugins → Delete) removes the intake answers it stored, its table and its
 * settings: answers are personal data and should not outlive the tool that reads them. Intake
 * forms and Services are posts the site wrote, and stay (Tools → Export keeps them portable).
 *
 * @package Dandelion\Widgets
 */

if (!defined('WP_UNINSTALL_PLUGIN')) {
    exit;
}

global $wpdb;
$dandelionTable = $wpdb->prefix . 'dandelion_answers';
$wpdb->query("DROP TABLE IF EXISTS $dandelionTable"); // phpcs:ignore -- our own table.
delete_option('dandelion_db_version');
delete_option('dandelion_answers_capability');
