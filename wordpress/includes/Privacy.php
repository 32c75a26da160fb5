<?php

/**
 * WordPress's personal-data tools (Tools → Export / Erase Personal Data) find a family's intake
 * answers by any email address in them, export them labelled like the form, and erase them.
 *
 * @package Dandelion\Widgets
 */

namespace Dandelion\Widgets;

/** The personal-data exporter and eraser for intake answers. */
final class Privacy
{
    private const PAGE = 50;

    /** @param array<string, array<string, mixed>> $exporters */
    public static function registerExporter(array $exporters): array
    {
        $exporters['dandelion-intake'] = [
            'exporter_friendly_name' => __('Intake answers', 'dandelion-widgets'),
            'callback' => [self::class, 'export'],
        ];
        return $exporters;
    }

    /** @param array<string, array<string, mixed>> $erasers */
    public static function registerEraser(array $erasers): array
    {
        $erasers['dandelion-intake'] = [
            'eraser_friendly_name' => __('Intake answers', 'dandelion-widgets'),
            'callback' => [self::class, 'erase'],
        ];
        return $erasers;
    }

    /** @return array{data: array<int, array<string, mixed>>, done: bool} */
    public static function export(string $email, int $page = 1): array
    {
        $rows = Store::byEmail($email, self::PAGE, ($page - 1) * self::PAGE);
        $forms = Forms::all();
        $items = [];
        foreach ($rows as $row) {
            $schema = isset($forms[$row->form]) ? $forms[$row->form]['schema'] : (object) [];
            $columns = Answers::columns($schema);
            $data = [
                ['name' => __('Form', 'dandelion-widgets'), 'value' => isset($forms[$row->form]) ? $forms[$row->form]['title'] : $row->form],
                ['name' => __('Reference', 'dandelion-widgets'), 'value' => $row->reference],
                ['name' => __('Received', 'dandelion-widgets'), 'value' => get_date_from_gmt($row->received_at, 'Y-m-d H:i')],
            ];
            foreach (Answers::cells($schema, json_decode($row->data), $columns) as $pointer => $text) {
                if ($text !== '') {
                    $data[] = ['name' => $columns[$pointer] ?? $pointer, 'value' => $text];
                }
            }
            $items[] = [
                'group_id' => 'dandelion-intake',
                'group_label' => __('Intake answers', 'dandelion-widgets'),
                'item_id' => 'dandelion-answer-' . $row->uuid,
                'data' => $data,
            ];
        }
        return ['data' => $items, 'done' => count($rows) < self::PAGE];
    }

    /** @return array{items_removed: bool, items_retained: bool, messages: string[], done: bool} */
    public static function erase(string $email, int $page = 1): array
    {
        // Rows are deleted as we go, so every round reads the first page again.
        $rows = Store::byEmail($email, self::PAGE);
        $removed = false;
        foreach ($rows as $row) {
            $removed = Store::delete((int) $row->id) || $removed;
        }
        return [
            'items_removed' => $removed,
            'items_retained' => false,
            'messages' => [],
            'done' => count($rows) < self::PAGE,
        ];
    }

    public static function policyText(): void
    {
        if (!function_exists('wp_add_privacy_policy_content')) {
            return;
        }
        wp_add_privacy_policy_content(
            __('Dandelion Widgets', 'dandelion-widgets'),
            // phpcs:ignore Generic.Files.LineLength -- one translatable paragraph.
            wp_kses_post(wpautop(__('When you fill in one of our forms, your answers are kept on your device until they reach us, then stored on this website, where only our staff can read them. We use them only for the service you asked for. To see or delete what we hold about you, contact us with the email address you gave in the form.', 'dandelion-widgets')))
        );
    }
}
