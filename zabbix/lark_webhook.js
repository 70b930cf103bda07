// SPDX-License-Identifier: GPL-3.0-or-later
// Zabbix webhook media type: posts an alert to a Lark (Feishu) custom bot, signed as
// notify_tc_lark signs: sign = base64(HMAC-SHA256(key = timestamp "\n" secret,
// message = "")). Parameters: URL, Secret, Subject, Message, Severity, Status,
// HTTPProxy, AllowedURLPrefix.
//
// The message (plugin output, account names from the API) is text, not markup: it is
// escaped for lark_md, so "<at id=all></at>" cannot ping the group and "[text](url)"
// cannot make a link. The URL must be https on a Lark or Feishu host, or start with
// AllowedURLPrefix (an administrator's explicit allow, e.g. a relay); anything else is
// refused before a request is made. Lark's answer body is never put in the error.
var Lark = {
    hosts: ['open.feishu.cn', 'open.larksuite.com', 'open.larkoffice.com'],

    // lark_md special characters as HTML character references
    escape: function (text) {
        return String(text).replace(/[&<>\[\]()*_~`\\#|]/g, function (c) {
            return '&#' + c.charCodeAt(0) + ';';
        });
    },

    checkURL: function (url, allowed) {
        // a prefix counts only up to a path: "https://relay.example/" (not ".example")
        if (typeof allowed === 'string' && /^https?:\/\/[^\/]+\//.test(allowed) && url.indexOf(allowed) === 0) {
            return;
        }
        var m = /^https:\/\/([^\/:?#@]+)(:443)?\/open-apis\/bot\/v2\/hook\/[A-Za-z0-9_-]+$/.exec(url);
        if (!m || Lark.hosts.indexOf(m[1].toLowerCase()) < 0) {
            throw 'the URL is not a Lark or Feishu bot webhook (https://' + Lark.hosts.join('|') +
                '/open-apis/bot/v2/hook/...); set AllowedURLPrefix to allow another';
        }
    },

    colour: function (severity, status) {
        if (status === 'RESOLVED' || status === 'OK' || status === '0') {
            return 'green';
        }
        switch (severity) {
            case 'Disaster':
            case 'High':
                return 'red';
            case 'Average':
            case 'Warning':
                return 'orange';
            default:
                return 'grey';
        }
    },

    // Zabbix's btoa() encodes a string's UTF-8 bytes, so raw digest bytes are
    // encoded here instead.
    base64: function (bytes) {
        var table = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
        var out = '', i;
        for (i = 0; i < bytes.length; i += 3) {
            var n = (bytes[i] << 16) | ((i + 1 < bytes.length ? bytes[i + 1] : 0) << 8) |
                (i + 2 < bytes.length ? bytes[i + 2] : 0);
            out += table.charAt((n >> 18) & 63) + table.charAt((n >> 12) & 63);
            out += i + 1 < bytes.length ? table.charAt((n >> 6) & 63) : '=';
            out += i + 2 < bytes.length ? table.charAt(n & 63) : '=';
        }
        return out;
    },

    sign: function (timestamp, secret) {
        var hex = hmac('sha256', timestamp + '\n' + secret, ''), bytes = [], i;
        for (i = 0; i < hex.length; i += 2) {
            bytes.push(parseInt(hex.substr(i, 2), 16));
        }
        return Lark.base64(bytes);
    },

    send: function (params) {
        var timestamp = String(Math.floor(Date.now() / 1000));
        var body = {
            msg_type: 'interactive',
            card: {
                header: {
                    title: {tag: 'plain_text', content: params.Subject},
                    template: Lark.colour(params.Severity, params.Status)
                },
                elements: [{tag: 'div', text: {tag: 'lark_md', content: Lark.escape(String(params.Message).substring(0, 4000))}}]
            }
        };
        if (params.Secret) {
            body.timestamp = timestamp;
            body.sign = Lark.sign(timestamp, params.Secret);
        }
        var request = new HttpRequest();
        request.addHeader('Content-Type: application/json');
        if (typeof params.HTTPProxy === 'string' && params.HTTPProxy !== '') {
            request.setProxy(params.HTTPProxy);
        }
        var response = request.post(params.URL, JSON.stringify(body));
        if (request.getStatus() !== 200) {
            throw 'Lark webhook: HTTP ' + request.getStatus();
        }
        var answer;
        try {
            answer = JSON.parse(response);
        } catch (e) {
            throw 'Lark webhook: the answer is not JSON';
        }
        var code = answer.code !== undefined ? answer.code : answer.StatusCode;
        if (code !== 0) {
            throw 'Lark refused the message: code ' + (typeof code === 'number' ? code : '?');
        }
        return 'OK';
    }
};

try {
    var params = JSON.parse(value);
    if (!params.URL) {
        throw 'the URL parameter is empty';
    }
    Lark.checkURL(String(params.URL), params.AllowedURLPrefix);
    return Lark.send(params);
} catch (error) {
    Zabbix.log(3, '[ Lark webhook ] ' + error);
    throw 'Lark notification failed: ' + error;
}
