import type { DevPerson } from '../org/dev-person.ts';
import { escapeHtml as e } from './html.ts';

/** One row of the person picker. */
export interface SignInCandidate {
  readonly person: DevPerson;
  readonly organisation: string;
  readonly isManager: boolean;
}

export interface SignInPageModel {
  /** The app asking for sign-in. */
  readonly appName: string;
  /** Where the search form and person buttons submit: the authorize URL as requested. */
  readonly action: string;
  /** OAuth parameters carried through the search form. */
  readonly carried: Readonly<Record<string, string>>;
  readonly query: string;
  readonly shown: readonly SignInCandidate[];
  readonly total: number;
}

const STYLE = `
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;background:#f5f5f5;color:#242424}
main{max-width:46rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.4rem;margin:0 0 .25rem}
.note{color:#616161;margin:0 0 1rem}
form.search{display:flex;gap:.5rem;align-items:end;margin-bottom:1rem}
form.search div{flex:1;display:flex;flex-direction:column}
label{font-weight:600;margin-bottom:.25rem}
input[type=search]{padding:.5rem;border:1px solid #8a8a8a;border-radius:4px;font-size:1rem}
button{padding:.5rem 1rem;border-radius:4px;border:1px solid #5b5fc7;background:#5b5fc7;color:#fff;font-size:1rem;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #242424;outline-offset:2px}
ul{list-style:none;margin:0;padding:0}
li{border-top:1px solid #e0e0e0;padding:.6rem 0}
li form{display:flex;justify-content:space-between;align-items:center;gap:1rem}
.who{display:flex;flex-direction:column}
.name{font-weight:600}
.meta{color:#424242;font-size:.9rem}
.badge{display:inline-block;font-size:.75rem;font-weight:600;border-radius:999px;padding:0 .5rem;margin-left:.4rem;background:#ebebeb;color:#242424}
.badge.admin{background:#e8ebfa;color:#3d3e78}
li button{background:#fff;color:#4f52b2}
`;

function row(candidate: SignInCandidate, index: number, action: string): string {
  const p = candidate.person;
  const badges = [
    p.isProgramAdmin ? '<span class="badge admin">Program admin</span>' : '',
    candidate.isManager ? '<span class="badge">Manager</span>' : '',
  ].join('');
  const id = `person-${index}`;
  return `<li><form method="post" action="${e(action)}">
<input type="hidden" name="userId" value="${e(p.id)}">
<div class="who" id="${id}"><span class="name">${e(p.displayName)}${badges}</span>
<span class="meta">${e(p.jobTitle)} · ${e(p.department)} · ${e(p.officeLocation)}</span>
<span class="meta">${e(p.userPrincipalName)} · ${e(candidate.organisation)}</span></div>
<button type="submit" aria-describedby="${id}">Sign in as ${e(p.displayName)}</button>
</form></li>`;
}

/**
 * The development sign-in page: a searchable list of seeded people; choosing one signs in as
 * them. Works without script; every value from the directory or the request is escaped.
 */
export function renderSignInPage(model: SignInPageModel): string {
  const hidden = Object.entries(model.carried)
    .map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`)
    .join('\n');
  const status =
    model.total === 0
      ? 'No one matches that search.'
      : model.shown.length < model.total
        ? `Showing ${model.shown.length} of ${model.total} people. Search to narrow the list.`
        : `${model.total} ${model.total === 1 ? 'person' : 'people'}.`;
  const searchAction = model.action.split('?')[0]!;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign in to ${e(model.appName)} – development tenant</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Sign in to ${e(model.appName)}</h1>
<p class="note">Development tenant: pick a seeded person to sign in as. No password is needed.</p>
<form class="search" method="get" action="${e(searchAction)}" role="search">
${hidden}
<div><label for="q">Find a person by name, title, department or email</label>
<input id="q" name="q" type="search" value="${e(model.query)}" autocomplete="off"></div>
<button type="submit">Search</button>
</form>
<p role="status">${e(status)}</p>
<ul aria-label="People">
${model.shown.map((c, i) => row(c, i, model.action)).join('\n')}
</ul>
</main>
</body>
</html>`;
}

/** A page for requests that cannot be sent back to the app (unknown app, foreign redirect). */
export function renderSignInErrorPage(title: string, detail: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${e(title)}</title><style>${STYLE}</style></head>
<body><main role="alert"><h1>${e(title)}</h1><p>${e(detail)}</p></main></body>
</html>`;
}
