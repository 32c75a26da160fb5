
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'error.format': `这份资料的格式本组件看不懂，请检查“格式”设置。`,
'error.http': str`服务器拒绝了这次请求（错误 ${0}）。`,
'error.http404': `找不到这份资料（错误 404），链接可能已经改了。`,
'error.http5xx': str`服务器出了点问题（错误 ${0}），请过一会儿再试。`,
'error.network': `连不上服务器。请检查网络连接后再试一次。`,
'error.parse': `资料读不出来，可能已损坏或不完整。`,
'error.timeout': `服务器太久没有回应，请稍等一会儿再试。`,
'error.tooLarge': `资料太大（超过 10 MB），这里无法显示。`,
'status.loading': `正在加载…`,
'status.retry': `重试`,
    };
  