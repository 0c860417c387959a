/**
 * A browser without a page: real HTTP with `fetch`, a cookie jar per origin, redirects followed
 * one by one (so a test sees where each leads), and HTML forms submitted as a person would.
 */
export class RedirectClient {
  private readonly jars = new Map<string, Map<string, string>>();

  /** One request, with the origin's cookies, keeping those the answer sets. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const jar = this.jar(target.origin);
    const headers: Record<string, string> = { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') };
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(target, {
      method: init.method ?? 'GET', redirect: 'manual', headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) this.keep(jar, line);
    return response;
  }

  /** Follows redirects from `url` until a page answers or `stop` says the next address is far enough; returns where it ended. */
  async follow(url: string, init: { method?: string; form?: Record<string, string> } = {}, stop: (next: URL) => boolean = () => false): Promise<{ url: URL; response: Response | null }> {
    let current = new URL(url);
    let response = await this.request(current.href, init);
    for (let hops = 0; response.status >= 300 && response.status < 400; hops += 1) {
      if (hops > 20) throw new Error(`Too many redirects from ${url}`);
      current = new URL(response.headers.get('location')!, current);
      await response.body?.cancel();
      if (stop(current)) return { url: current, response: null };
      response = await this.request(current.href);
    }
    return { url: current, response };
  }

  /** Submits the page's first form: its hidden fields and `fields`, to its action, following what comes. */
  async submitForm(page: { url: URL; html: string }, fields: Record<string, string>, stop?: (next: URL) => boolean) {
    const action = /<form[^>]*action="([^"]*)"/.exec(page.html)?.[1];
    if (action === undefined) throw new Error(`No form on ${page.url.href}: ${page.html.slice(0, 500)}`);
    const hidden = Object.fromEntries([...page.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    return this.follow(new URL(action.replaceAll('&amp;', '&'), page.url).href, { method: 'POST', form: { ...hidden, ...fields } }, stop);
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar(origin).get(name);
  }

  /** Changes a cookie the way a person with the browser's developer tools could. */
  setCookie(origin: string, name: string, value: string): void {
    this.jar(origin).set(name, value);
  }

  private jar(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  private keep(jar: Map<string, string>, line: string): void {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair!.indexOf('=');
    const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
    const expired = attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()));
    if (expired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
}
