import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '@/utils/sanitize';
import { safeImageUrl, safeUrl } from '@/utils/safe-url';

const BASE = 'https://news.example/world/story.html';

/** Parse the sanitized output and report anything dangerous left in it. */
function inspect(html: string) {
  const box = document.createElement('div');
  box.innerHTML = sanitizeHtml(html, BASE);
  const all = [...box.querySelectorAll('*')];
  const handlers = all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`));
  const urls = all.flatMap((el) => ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'background', 'data'].map((a) => el.getAttribute(a)).filter((v): v is string => v !== null));
  const tags = all.map((el) => el.tagName.toLowerCase());
  return { box, html: box.innerHTML, handlers, urls, tags };
}

const DANGEROUS_TAGS = ['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'meta', 'base', 'link', 'frame', 'frameset', 'applet', 'video', 'audio', 'source', 'animate', 'set', 'foreignobject', 'template', 'noscript'];

function expectClean(html: string) {
  const r = inspect(html);
  expect(r.handlers, r.html).toEqual([]);
  for (const u of r.urls) expect(u, r.html).toMatch(/^(https?:|mailto:)/);
  for (const t of r.tags) expect(DANGEROUS_TAGS, r.html).not.toContain(t);
  expect(r.html).not.toMatch(/javascript:|vbscript:|data:text|<script|onerror|onload|onclick/i);
  return r;
}

describe('sanitizeHtml keeps what an article needs', () => {
  it('keeps formatting, lists, quotes, figures and tables', () => {
    const { html, tags } = expectClean(
      '<p><b>bold</b> <i>it</i> <strong>s</strong> <em>e</em> <code>c</code></p><ul><li>one</li></ul><ol><li>two</li></ol>' +
        '<blockquote>quote</blockquote><figure><img src="/a.jpg" alt="A"><figcaption>cap</figcaption></figure>' +
        '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table><h2>Sub</h2>',
    );
    for (const t of ['p', 'b', 'i', 'strong', 'em', 'code', 'ul', 'ol', 'li', 'blockquote', 'figure', 'img', 'figcaption', 'table', 'th', 'td', 'h2']) expect(tags).toContain(t);
    expect(html).toContain('alt="A"');
  });

  it('opens links in a new tab without opener or referrer, resolved against the item URL', () => {
    const { box } = expectClean('<a href="../more.html">more</a> <a href="mailto:desk@news.example">mail</a>');
    const [a, m] = [...box.querySelectorAll('a')];
    expect(a.getAttribute('href')).toBe('https://news.example/more.html');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(m.getAttribute('href')).toBe('mailto:desk@news.example');
  });

  it('gives images lazy loading and no referrer, resolved against the item URL', () => {
    const { box } = expectClean('<img src="img/photo.jpg" alt="p">');
    const img = box.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://news.example/world/img/photo.jpg');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(img.getAttribute('alt')).toBe('p');
    expect(inspect('<img src="https://a.example/b.jpg">').box.querySelector('img')!.getAttribute('alt')).toBe('');
  });

  it('drops class, id, style and data attributes', () => {
    const { html } = expectClean('<p class="x" id="y" style="position:fixed" data-x="1" name="z">t</p>');
    expect(html).toBe('<p>t</p>');
  });

  it('drops tracking pixels', () => {
    const { tags } = expectClean('<p>x<img src="https://t.example/p.gif" width="1" height="1"></p>');
    expect(tags).not.toContain('img');
  });
});

describe('sanitizeHtml removes hostile markup', () => {
  const cases: Record<string, string> = {
    script: '<p>a</p><script>alert(1)</script>',
    'script with src': '<script src="https://evil.example/x.js"></script>',
    'uppercase script': '<SCRIPT>alert(1)</SCRIPT>',
    'nested broken script': '<scr<script>ipt>alert(1)</script>',
    style: '<style>body{display:none}</style><p>t</p>',
    'style attribute url': '<p style="background:url(javascript:alert(1))">t</p>',
    iframe: '<iframe src="https://evil.example"></iframe>',
    'iframe srcdoc': '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    object: '<object data="https://evil.example/x.swf"></object>',
    embed: '<embed src="https://evil.example/x.swf">',
    form: '<form action="https://evil.example"><input name="q"><button formaction="javascript:alert(1)">go</button></form>',
    'input autofocus': '<input autofocus onfocus="alert(1)">',
    'img onerror': '<img src="x" onerror="alert(1)">',
    'body onload': '<body onload="alert(1)"><p>t</p></body>',
    'div onmouseover': '<div onmouseover="alert(1)">hover</div>',
    'mixed-case handler': '<p OnClIcK="alert(1)">t</p>',
    'javascript link': '<a href="javascript:alert(1)">x</a>',
    'mixed-case javascript link': '<a href="JaVaScRiPt:alert(1)">x</a>',
    'entity-encoded javascript link': '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    'hex entity javascript link': '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>',
    'named entity colon': '<a href="javascript&colon;alert(1)">x</a>',
    'tab-obfuscated javascript link': '<a href="java\tscript:alert(1)">x</a>',
    'newline-obfuscated javascript link': '<a href="java&#10;script:alert(1)">x</a>',
    'leading space and control char': '<a href=" &#1;javascript:alert(1)">x</a>',
    'vbscript link': '<a href="vbscript:msgbox(1)">x</a>',
    'data link': '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    'data image': '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    'javascript image': '<img src="javascript:alert(1)">',
    srcset: '<img src="https://ok.example/a.jpg" srcset="javascript:alert(1) 1x, data:image/png;base64,AAAA 2x">',
    'svg script': '<svg><script>alert(1)</script></svg>',
    'svg onload': '<svg onload="alert(1)"><circle r="5"/></svg>',
    'svg animate href': '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text y="20">click</text></a></svg>',
    'svg set': '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>',
    'svg foreignObject': '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe><img src=x onerror=alert(1)></foreignObject></svg>',
    'svg use xlink': '<svg><use xlink:href="data:image/svg+xml;base64,PHN2ZyBpZD0neCc+PC9zdmc+#x"/></svg>',
    'math href': '<math><mi xlink:href="javascript:alert(1)">x</mi><maction actiontype="statusline">y</maction></math>',
    'math mglyph style': '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    'noscript mxss': '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    'meta refresh': '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>t</p>',
    'base href': '<base href="javascript:alert(1)//"><a href="/x">x</a>',
    'link stylesheet': '<link rel="stylesheet" href="https://evil.example/x.css">',
    'video poster': '<video poster="javascript:alert(1)"><source src="x" onerror="alert(1)"></video>',
    'template': '<template><script>alert(1)</script></template>',
    'dom clobbering': '<img name="getElementById" src="https://ok.example/a.jpg"><form id="x"></form>',
    'comment breakout': '<!--><img src=x onerror=alert(1)>-->',
    'unclosed attribute': '<a href="https://ok.example/" title="x" onclick="alert(1)">x</a>',
  };
  for (const [name, html] of Object.entries(cases)) {
    it(name, () => {
      expectClean(html);
    });
  }

  it('removes a link target it could not vet but keeps the text', () => {
    const { box } = expectClean('<a href="javascript:alert(1)">read more</a>');
    expect(box.textContent).toBe('read more');
    expect(box.querySelector('a')?.hasAttribute('href')).toBe(false);
  });

  it('keeps the base tag from moving relative links', () => {
    const { box } = expectClean('<base href="https://evil.example/"><a href="/x">x</a>');
    expect(box.querySelector('a')!.getAttribute('href')).toBe('https://news.example/x');
  });

  it('returns an empty string for empty input', () => {
    expect(sanitizeHtml('')).toBe('');
  });
});

describe('safeUrl', () => {
  it('allows http, https and mailto links only', () => {
    expect(safeUrl('https://a.example/x', undefined)).toBe('https://a.example/x');
    expect(safeUrl('mailto:a@b.example', undefined)).toBe('mailto:a@b.example');
    expect(safeUrl('ftp://a.example/', undefined)).toBeUndefined();
    expect(safeUrl('  JAVASCRIPT:alert(1)', undefined)).toBeUndefined();
    expect(safeUrl('/x', undefined)).toBeUndefined();
    expect(safeUrl('/x', BASE)).toBe('https://news.example/x');
  });
  it('allows only http and https images', () => {
    expect(safeImageUrl('mailto:a@b.example')).toBeUndefined();
    expect(safeImageUrl('data:image/png;base64,AA')).toBeUndefined();
    expect(safeImageUrl('//cdn.example/a.png', BASE)).toBe('https://cdn.example/a.png');
  });
});
