<?php

/**
 * wp-admin: the "Intake answers" screen (filter by form, dates and text; CSV export that Excel
 * opens, UTF-8 with BOM; delete one answer) and the setting of who may read answers.
 *
 * Only people with the chosen capability (default `edit_others_posts`: Editors and
 * Administrators) see answers; everyone else gets 403, on this screen and in the REST API.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** The answers screen, its export and its setting. */
final class Admin
{
    public const MENU_SLUG = 'dandelion-answers';
    public const CAPABILITY_OPTION = 'dandelion_answers_capability';
    private const PER_PAGE = 50;

    /** @return array<string, string> capability => who has it */
    public static function capabilityChoices(): array
    {
        return [
            'manage_options' => __('Administrators', 'dandelion-widgets'),
            'edit_others_posts' => __('Editors and administrators', 'dandelion-widgets'),
            'dandelion_read_answers' => __('Only users given the "dandelion_read_answers" capability', 'dandelion-widgets'),
        ];
    }

    public static function capability(): string
    {
        $chosen = (string) get_option(self::CAPABILITY_OPTION, 'edit_others_posts');
        return array_key_exists($chosen, self::capabilityChoices()) ? $chosen : 'edit_others_posts';
    }

    public static function canReadAnswers(): bool
    {
        return current_user_can(self::capability());
    }

    public static function boot(): void
    {
        add_action('admin_menu', [self::class, 'menu']);
        add_action('admin_post_dandelion_export', [self::class, 'export']);
        add_action('admin_post_dandelion_delete', [self::class, 'delete']);
        add_action('admin_post_dandelion_settings', [self::class, 'saveSettings']);
    }

    public static function menu(): void
    {
        add_menu_page(
            __('Intake answers', 'dandelion-widgets'),
            __('Intake answers', 'dandelion-widgets'),
            self::capability(),
            self::MENU_SLUG,
            [self::class, 'page'],
            'dashicons-clipboard',
            26
        );
    }

    /** @return array{form: string, from: string, to: string, search: string} */
    private static function filter(): array
    {
        // phpcs:disable WordPress.Security.NonceVerification -- read-only filters.
        $get = static function (string $name): string {
            return isset($_GET[$name]) ? sanitize_text_field(wp_unslash((string) $_GET[$name])) : '';
        };
        $date = static function (string $value): string {
            return preg_match('/^\d{4}-\d{2}-\d{2}$/', $value) ? $value : '';
        };
        $form = $get('form');
        return [
            'form' => Forms::get($form) ? $form : '',
            'from' => $date($get('from')),
            'to' => $date($get('to')),
            'search' => $get('s'),
        ];
    }

    public static function page(): void
    {
        if (!self::canReadAnswers()) {
            wp_die(esc_html__('Sorry, you are not allowed to read intake answers.', 'dandelion-widgets'), 403);
        }
        $filter = self::filter();
        $forms = Forms::all();
        $paged = max(1, isset($_GET['paged']) ? (int) $_GET['paged'] : 1);
        $total = Store::count($filter);
        $rows = Store::query($filter, self::PER_PAGE, ($paged - 1) * self::PER_PAGE);
        echo '<div class="wrap"><h1>' . esc_html__('Intake answers', 'dandelion-widgets') . '</h1>';
        if (isset($_GET['deleted'])) {
            echo '<div class="notice notice-success"><p>' . esc_html__('The answer was deleted.', 'dandelion-widgets') . '</p></div>';
        }
        echo '<form method="get" class="dandelion-filter"><input type="hidden" name="page" value="' . esc_attr(self::MENU_SLUG) . '">';
        echo '<label>' . esc_html__('Form', 'dandelion-widgets') . ' <select name="form">';
        echo '<option value="">' . esc_html__('All forms', 'dandelion-widgets') . '</option>';
        foreach ($forms as $slug => $form) {
            printf('<option value="%s"%s>%s</option>', esc_attr($slug), selected($filter['form'], $slug, false), esc_html($form['title']));
        }
        echo '</select></label> ';
        printf('<label>%s <input type="date" name="from" value="%s"></label> ', esc_html__('From', 'dandelion-widgets'), esc_attr($filter['from']));
        printf('<label>%s <input type="date" name="to" value="%s"></label> ', esc_html__('To', 'dandelion-widgets'), esc_attr($filter['to']));
        printf('<label>%s <input type="search" name="s" value="%s"></label> ', esc_html__('Contains', 'dandelion-widgets'), esc_attr($filter['search']));
        submit_button(__('Filter', 'dandelion-widgets'), 'secondary', '', false);
        echo '</form>';

        $export = wp_nonce_url(
            add_query_arg(array_filter(['action' => 'dandelion_export'] + $filter), admin_url('admin-post.php')),
            'dandelion_export'
        );
        printf(
            '<p>%s <a class="button" id="dandelion-export" href="%s">%s</a></p>',
            /* translators: %d: number of answers */
            esc_html(sprintf(_n('%d answer.', '%d answers.', $total, 'dandelion-widgets'), $total)),
            esc_url($export),
            esc_html__('Download CSV (opens in Excel)', 'dandelion-widgets')
        );

        echo '<table class="widefat striped dandelion-answers"><thead><tr>';
        $heads = [
            __('Received', 'dandelion-widgets'),
            __('Reference', 'dandelion-widgets'),
            __('Form', 'dandelion-widgets'),
            __('Answers', 'dandelion-widgets'),
            '',
        ];
        foreach ($heads as $head) {
            echo '<th scope="col">' . esc_html($head) . '</th>';
        }
        echo '</tr></thead><tbody>';
        if (!$rows) {
            echo '<tr><td colspan="5">' . esc_html__('No answers yet.', 'dandelion-widgets') . '</td></tr>';
        }
        foreach ($rows as $row) {
            $form = $forms[$row->form] ?? null;
            $schema = $form ? $form['schema'] : (object) [];
            $columns = Answers::columns($schema);
            $cells = Answers::cells($schema, json_decode($row->data), $columns);
            echo '<tr><td>' . esc_html(get_date_from_gmt($row->received_at, 'Y-m-d H:i')) . '</td>';
            echo '<td><code>' . esc_html($row->reference) . '</code></td>';
            echo '<td>' . esc_html($form ? $form['title'] : $row->form) . '</td><td><dl class="dandelion-answer">';
            foreach ($cells as $pointer => $text) {
                if ($text === '') {
                    continue;
                }
                // Everything a family typed is printed as text, never as HTML.
                printf('<dt>%s</dt><dd>%s</dd>', esc_html($columns[$pointer] ?? $pointer), esc_html($text));
            }
            echo '</dl></td><td>';
            $delete = wp_nonce_url(
                add_query_arg(['action' => 'dandelion_delete', 'id' => $row->id], admin_url('admin-post.php')),
                'dandelion_delete_' . $row->id
            );
            printf(
                '<a class="button-link-delete" href="%s" onclick="return confirm(%s)">%s</a>',
                esc_url($delete),
                esc_attr(wp_json_encode(__('Delete this answer for good?', 'dandelion-widgets'))),
                esc_html__('Delete', 'dandelion-widgets')
            );
            echo '</td></tr>';
        }
        echo '</tbody></table>';
        $pages = (int) ceil($total / self::PER_PAGE);
        if ($pages > 1) {
            echo '<p class="tablenav-pages">' . paginate_links(['base' => add_query_arg('paged', '%#%'), 'format' => '', 'current' => $paged, 'total' => $pages]) . '</p>'; // phpcs:ignore -- core markup.
        }
        if (current_user_can('manage_options')) {
            self::settingsForm();
        }
        echo '<style>.dandelion-answer{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:0}'
            . '.dandelion-answer dd{margin:0;white-space:pre-wrap}.dandelion-filter label{margin-inline-end:.5em}</style></div>';
    }

    private static function settingsForm(): void
    {
        echo '<h2>' . esc_html__('Who may read answers', 'dandelion-widgets') . '</h2>';
        echo '<form method="post" action="' . esc_url(admin_url('admin-post.php')) . '">';
        echo '<input type="hidden" name="action" value="dandelion_settings">';
        wp_nonce_field('dandelion_settings');
        echo '<select name="capability">';
        foreach (self::capabilityChoices() as $capability => $label) {
            printf('<option value="%s"%s>%s</option>', esc_attr($capability), selected(self::capability(), $capability, false), esc_html($label));
        }
        echo '</select> ';
        submit_button(__('Save', 'dandelion-widgets'), 'secondary', '', false);
        echo '</form>';
    }

    public static function saveSettings(): void
    {
        if (!current_user_can('manage_options')) {
            wp_die(esc_html__('Sorry, you are not allowed to change this setting.', 'dandelion-widgets'), 403);
        }
        check_admin_referer('dandelion_settings');
        $capability = isset($_POST['capability']) ? sanitize_key(wp_unslash($_POST['capability'])) : '';
        if (array_key_exists($capability, self::capabilityChoices())) {
            update_option(self::CAPABILITY_OPTION, $capability);
        }
        wp_safe_redirect(admin_url('admin.php?page=' . self::MENU_SLUG));
        exit;
    }

    public static function delete(): void
    {
        $id = isset($_GET['id']) ? (int) $_GET['id'] : 0;
        if (!self::canReadAnswers()) {
            wp_die(esc_html__('Sorry, you are not allowed to read intake answers.', 'dandelion-widgets'), 403);
        }
        check_admin_referer('dandelion_delete_' . $id);
        Store::delete($id);
        wp_safe_redirect(admin_url('admin.php?page=' . self::MENU_SLUG . '&deleted=1'));
        exit;
    }

    /** CSV of the filtered answers: UTF-8 with a BOM and CRLF lines, so Excel shows Chinese right. */
    public static function export(): void
    {
        if (!self::canReadAnswers()) {
            wp_die(esc_html__('Sorry, you are not allowed to read intake answers.', 'dandelion-widgets'), 403);
        }
        check_admin_referer('dandelion_export');
        $filter = self::filter();
        $forms = Forms::all();
        $rows = Store::query($filter, 100000);
        $columns = [];
        foreach ($rows as $row) {
            if (isset($forms[$row->form])) {
                $columns += Answers::columns($forms[$row->form]['schema']);
            }
        }
        $lines = [];
        $body = [];
        foreach ($rows as $row) {
            $schema = isset($forms[$row->form]) ? $forms[$row->form]['schema'] : (object) [];
            $cells = Answers::cells($schema, json_decode($row->data), $columns);
            foreach (array_keys($cells) as $pointer) {
                $columns[$pointer] = $columns[$pointer] ?? $pointer;
            }
            $body[] = [$row, $cells];
        }
        $lines[] = self::csvLine(array_merge(
            [__('Received', 'dandelion-widgets'), __('Reference', 'dandelion-widgets'), __('Form', 'dandelion-widgets')],
            array_values($columns)
        ));
        foreach ($body as [$row, $cells]) {
            $line = [get_date_from_gmt($row->received_at, 'Y-m-d H:i:s'), $row->reference, $row->form];
            foreach (array_keys($columns) as $pointer) {
                $line[] = $cells[$pointer] ?? '';
            }
            $lines[] = self::csvLine($line);
        }
        $name = 'intake-answers-' . ($filter['form'] ?: 'all') . '-' . gmdate('Y-m-d') . '.csv';
        nocache_headers();
        header('Content-Type: text/csv; charset=utf-8');
        header('Content-Disposition: attachment; filename="' . $name . '"');
        header('X-Content-Type-Options: nosniff');
        echo "\xEF\xBB\xBF" . implode("\r\n", $lines) . "\r\n"; // phpcs:ignore -- CSV, not HTML.
        exit;
    }

    /**
     * One CSV line. Cells that a spreadsheet would run as a formula (=, +, -, @ …) get a leading
     * apostrophe, so a family's answer can never become a formula on a staff computer.
     *
     * @param array<int, string> $cells
     */
    public static function csvLine(array $cells): string
    {
        return implode(',', array_map(static function ($cell): string {
            $cell = (string) $cell;
            if ($cell !== '' && strpos("=+-@\t\r", $cell[0]) !== false) {
                $cell = "'" . $cell;
            }
            return '"' . str_replace('"', '""', $cell) . '"';
        }, $cells));
    }
}
