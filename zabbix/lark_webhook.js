// Zabbix webhook media type: posts an alert to a Lark (Feishu) custom bot, signed as
// notify_tc_lark signs: sign = base64(HMAC-SHA256(key = timestamp "\n" secret,
// message = "")). Parameters: URL, Secret, Subject, Message, Severity, Status.
var Lark = {
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
                elements: [{tag: 'div', text: {tag: 'lark_md', content: params.Message.substring(0, 4000)}}]
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
            throw 'Lark webhook: HTTP ' + request.getStatus() + ': ' + response;
        }
        var answer = JSON.parse(response);
        var code = answer.code !== undefined ? answer.code : answer.StatusCode;
        if (code !== 0) {
            throw 'Lark refused the message: code ' + code + ': ' + (answer.msg || answer.StatusMessage);
        }
        return 'OK';
    }
};

try {
    var params = JSON.parse(value);
    if (!params.URL) {
        throw 'the URL parameter is empty';
    }
    return Lark.send(params);
} catch (error) {
    Zabbix.log(3, '[ Lark webhook ] ' + error);
    throw 'Lark notification failed: ' + error;
}
