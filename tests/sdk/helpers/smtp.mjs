// A minimal SMTP server on 127.0.0.1 for the SDK tests: accepts every message (no TLS, no auth)
// and keeps it decoded, so a test can read the link or code a Satchel email carries.
import { createServer } from 'node:net';

/** Splits a MIME entity into its headers (lower-case names, unfolded) and its raw body. */
function parseEntity(raw) {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const body = end < 0 ? '' : raw.slice(end + 4);
  const headers = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(body, encoding) {
  switch ((encoding || '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable': {
      const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    default:
      return body;
  }
}

/** The text/html and text/plain parts of a message (recursing into multiparts). */
function collectParts(raw, into) {
  const { headers, body } = parseEntity(raw);
  const type = headers['content-type'] || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    for (const part of body.split('--' + boundary).slice(1)) {
      if (part.startsWith('--')) break;
      collectParts(part.replace(/^\r\n/, ''), into);
    }
  } else if (type.toLowerCase().startsWith('text/html')) {
    into.html += decodeBody(body, headers['content-transfer-encoding']);
  } else if (type.toLowerCase().startsWith('text/plain')) {
    into.text += decodeBody(body, headers['content-transfer-encoding']);
  }
  return into;
}

export async function startSmtp() {
  const messages = [];
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let data = '';
    let envelope = { from: '', to: [] };
    const reply = (line) => socket.write(line + '\r\n');
    reply('220 localhost ESMTP sdk-test');
    socket.setEncoding('latin1');
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      buffer += chunk;
      let at;
      while ((at = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            const { headers } = parseEntity(data);
            const parts = collectParts(data, { html: '', text: '' });
            messages.push({ to: envelope.to, from: envelope.from, subject: headers.subject || '', ...parts });
            envelope = { from: '', to: [] };
            data = '';
            reply('250 OK');
          } else {
            data += (line.startsWith('.') ? line.slice(1) : line) + '\r\n';
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') { socket.write('250-localhost\r\n250 8BITMIME\r\n'); }
        else if (verb === 'HELO') reply('250 localhost');
        else if (verb === 'MAIL') { envelope.from = /<([^>]*)>/.exec(line)?.[1] ?? ''; reply('250 OK'); }
        else if (verb === 'RCPT') { envelope.to.push((/<([^>]*)>/.exec(line)?.[1] ?? '').toLowerCase()); reply('250 OK'); }
        else if (verb === 'DATA') { inData = true; reply('354 End data with <CR><LF>.<CR><LF>'); }
        else if (verb === 'RSET' || verb === 'NOOP') reply('250 OK');
        else if (verb === 'QUIT') { reply('221 Bye'); socket.end(); }
        else reply('502 Command not implemented');
      }
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));

  return {
    port: server.address().port,
    /** Waits for (and removes) the next message to `to` whose subject contains `subject`. */
    async take(to, subject = '', timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = messages.findIndex((m) => m.to.includes(to.toLowerCase()) && m.subject.includes(subject));
        if (i >= 0) return messages.splice(i, 1)[0];
        if (Date.now() > deadline) throw new Error(`no email to ${to} with subject containing "${subject}"`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** The token of a "…/auth/<action>/<token>" link in an email. */
export function linkToken(mail, action) {
  const m = new RegExp(`/auth/${action}/([\\w-]+\\.[\\w-]+\\.[\\w-]+)`).exec(mail.html);
  if (!m) throw new Error(`no ${action} link in: ${mail.html}`);
  return m[1];
}

/** The one-time password of an OTP email (the default template puts it in <strong>). */
export function otpCode(mail) {
  const m = /<strong>(\d+)<\/strong>/.exec(mail.html);
  if (!m) throw new Error(`no code in: ${mail.html}`);
  return m[1];
}
