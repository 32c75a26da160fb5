<?php

/**
 * Test helper for scripts/test-wordpress.mjs: runs inside the throwaway WordPress (CLI, through
 * wp-load.php) to do what a site owner would do by hand: language, theme, users, posts with a
 * featured image, services, uploaded files. Prints JSON.
 *
 * Usage: php site-helper.php <wordpress folder> <host:port> <command> [argument]
 */

$root = $argv[1];
$_SERVER['HTTP_HOST'] = $argv[2];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$command = $argv[3];
$argument = $argv[4] ?? '';
require $root . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

/** An uploaded file, as the Media Library keeps it. */
function upload(string $name, string $bytes, string $mime, int $parent = 0): int
{
    $dir = wp_upload_dir();
    wp_mkdir_p($dir['path']);
    $path = $dir['path'] . '/' . $name;
    file_put_contents($path, $bytes);
    $id = wp_insert_attachment(
        ['post_title' => $name, 'post_mime_type' => $mime, 'post_status' => 'inherit', 'guid' => $dir['url'] . '/' . $name],
        $path,
        $parent
    );
    update_post_meta($id, '_wp_attached_file', _wp_relative_upload_path($path));
    return $id;
}

switch ($command) {
    case 'configure':
        update_option('template', 'twentytwentythree');
        update_option('stylesheet', 'twentytwentythree');
        update_option('WPLANG', 'zh_CN');
        update_option('timezone_string', 'UTC');
        $users = [];
        foreach (['author', 'editor', 'subscriber'] as $role) {
            $id = wp_insert_user([
                'user_login' => "test-$role",
                'user_pass' => "pass-$role-" . $argument,
                'user_email' => "$role@example.org",
                'role' => $role,
            ]);
            $users[$role] = is_wp_error($id) ? $id->get_error_message() : $id;
        }
        echo wp_json_encode(['users' => $users]);
        break;

    case 'content':
        $png = base64_decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC');
        $posts = [];
        foreach (['社区花园开放日', '暑期儿童读书会'] as $i => $title) {
            $id = wp_insert_post([
                'post_title' => $title,
                'post_content' => '<p>' . $title . '：欢迎邻居们一起来。</p>',
                'post_status' => 'publish',
                'post_author' => 1,
                'post_date' => gmdate('Y-m-d H:i:s', time() - 86400 * (3 - $i)),
            ]);
            $image = upload("story-$i.png", $png, 'image/png', $id);
            wp_update_attachment_metadata($image, ['width' => 1, 'height' => 1, 'file' => _wp_relative_upload_path(get_attached_file($image))]);
            set_post_thumbnail($id, $image);
            $posts[] = $id;
        }
        $term = wp_insert_term('儿童服务', 'dandelion_service_category');
        $service = wp_insert_post([
            'post_type' => 'dandelion_service',
            'post_title' => '四点半课堂',
            'post_content' => '放学后的作业辅导和阅读陪伴。',
            'post_status' => 'publish',
        ]);
        update_post_meta($service, 'phone', '020-8888 1234');
        update_post_meta($service, 'address', '某某街道社区中心二楼');
        wp_set_object_terms($service, [(int) $term['term_id']], 'dandelion_service_category');

        $today = gmdate('Ymd');
        $tomorrow = gmdate('Ymd', time() + 86400);
        $ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dandelion test//EN\r\nBEGIN:VEVENT\r\nUID:garden-$today@example.org\r\n"
            . "DTSTAMP:{$today}T000000Z\r\nDTSTART;VALUE=DATE:$today\r\nDTEND;VALUE=DATE:$tomorrow\r\nSUMMARY:亲子手工坊\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        $calendar = upload('activities.ics', $ics, 'text/calendar');
        // A CSV as Excel saves it on a Chinese Windows: GBK, CRLF.
        $csv = iconv('UTF-8', 'GBK', "服务名称,机构,电话,地址\r\n老年人助餐点,示例社工站,020-1234 5678,某某街道一号\r\n");
        $services = upload('services-gbk.csv', $csv, 'text/csv');
        echo wp_json_encode([
            'posts' => $posts,
            'service' => $service,
            'ics' => wp_get_attachment_url($calendar),
            'csv' => $services,
        ]);
        break;

    case 'export':
        $exporters = apply_filters('wp_privacy_personal_data_exporters', []);
        $result = isset($exporters['dandelion-intake']) ? call_user_func($exporters['dandelion-intake']['callback'], $argument, 1) : null;
        echo wp_json_encode($result, JSON_UNESCAPED_UNICODE);
        break;

    case 'validate':
        // [{ "schema": "<file>", "value": <answers> }, …] → the server's issues for each.
        $cases = json_decode((string) file_get_contents($argument));
        $schemas = [];
        $out = [];
        foreach ($cases as $case) {
            $schemas[$case->schema] = $schemas[$case->schema] ?? json_decode((string) file_get_contents($case->schema));
            $out[] = Dandelion\Widgets\Validator::validate($schemas[$case->schema], $case->value);
        }
        echo wp_json_encode($out, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
        break;

    case 'post':
        // A published post with the given content (as an administrator would write it).
        $id = wp_insert_post(['post_title' => 'Dandelion', 'post_content' => $argument, 'post_status' => 'publish', 'post_author' => 1]);
        echo wp_json_encode($id);
        break;

    case 'locales':
        $out = [];
        foreach (['zh_CN', 'zh_SG', 'zh_TW', 'zh_HK', 'en_US', 'ja'] as $locale) {
            $out[$locale] = Dandelion\Widgets\Locale::widgetLanguage($locale);
        }
        echo wp_json_encode($out);
        break;

    default:
        fwrite(STDERR, "unknown command $command\n");
        exit(1);
}
