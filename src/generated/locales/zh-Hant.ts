
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'error.format': `這份資料的格式本元件看不懂，請檢查「格式」設定。`,
'error.http': str`伺服器拒絕了這次請求（錯誤 ${0}）。`,
'error.http404': `找不到這份資料（錯誤 404），連結可能已經更改。`,
'error.http5xx': str`伺服器出了點問題（錯誤 ${0}），請過一會兒再試。`,
'error.network': `連不上伺服器。請檢查網路連線後再試一次。`,
'error.parse': `資料讀不出來，可能已損壞或不完整。`,
'error.timeout': `伺服器太久沒有回應，請稍等一會兒再試。`,
'error.tooLarge': `資料太大（超過 10 MB），這裡無法顯示。`,
'status.loading': `正在載入…`,
'status.retry': `重試`,
    };
  