import type { DevPerson } from '../org/dev-person.ts';
import { graphErrors } from './graph-errors.ts';
import { canonicalUserProperty } from './user-properties.ts';

/** A compiled `$filter`: true for the people it keeps. */
export type UserPredicate = (person: DevPerson) => boolean;

/** String properties that support `eq`, `in` and `startswith` without advanced queries. */
const STRING_PROPERTIES: Readonly<Record<string, (p: DevPerson) => string | null>> = {
  id: (p) => p.id,
  displayName: (p) => p.displayName,
  givenName: (p) => p.givenName,
  surname: (p) => p.surname,
  userPrincipalName: (p) => p.userPrincipalName,
  mail: (p) => p.mail,
  mailNickname: (p) => p.mailNickname,
  jobTitle: (p) => p.jobTitle,
  department: (p) => p.department,
  officeLocation: (p) => p.officeLocation,
  employeeId: (p) => p.employeeId,
  employeeType: (p) => p.employeeType,
  usageLocation: (p) => p.usageLocation,
  preferredLanguage: (p) => p.preferredLanguage,
  city: (p) => p.city,
  country: (p) => p.country,
};
const BOOLEAN_PROPERTIES: Readonly<Record<string, (p: DevPerson) => boolean>> = {
  accountEnabled: (p) => p.accountEnabled,
};

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: '(' | ')' | ',' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'punct', value: ch });
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw graphErrors.invalidFilter('unterminated string literal.');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ kind: 'string', value });
    } else {
      const match = /^[^\s(),']+/.exec(text.slice(i))!;
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

type Literal = { type: 'Edm.String'; value: string } | { type: 'Edm.Boolean'; value: boolean } | { type: 'null' };

/**
 * Compiles the `$filter` subset Graph serves on /users without advanced queries: `eq` and `in`
 * on string properties (case-insensitive, as the directory compares), `startswith`, `eq` on
 * accountEnabled, combined with `and`, `or` and parentheses. Anything else gets Graph's 400.
 */
export function compileUserFilter(filter: string): UserPredicate {
  const tokens = tokenize(filter);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (t: Token | undefined, word: string): boolean => t?.kind === 'word' && t.value.toLowerCase() === word;
  const expect = (value: '(' | ')' | ','): void => {
    const t = tokens[pos++];
    if (t?.kind !== 'punct' || t.value !== value) throw graphErrors.invalidFilter(`expected '${value}'.`);
  };

  const property = (): string => {
    const t = tokens[pos++];
    if (t?.kind !== 'word') throw graphErrors.invalidFilter('expected a property name.');
    const canonical = canonicalUserProperty(t.value);
    if (canonical === undefined) throw graphErrors.unknownProperty(t.value);
    return canonical;
  };
  const literal = (): Literal => {
    const t = tokens[pos++];
    if (t?.kind === 'string') return { type: 'Edm.String', value: t.value };
    if (t?.kind === 'word') {
      const w = t.value.toLowerCase();
      if (w === 'true' || w === 'false') return { type: 'Edm.Boolean', value: w === 'true' };
      if (w === 'null') return { type: 'null' };
    }
    throw graphErrors.invalidFilter('expected a literal value.');
  };
  const stringGetter = (name: string): ((p: DevPerson) => string | null) => {
    const getter = STRING_PROPERTIES[name];
    if (!getter) throw graphErrors.unsupportedFilterProperty(name);
    return getter;
  };
  const mismatch = (propertyType: string, literalType: string): never => {
    throw graphErrors.badRequest(
      `A binary operator with incompatible types was detected. Found operand types '${propertyType}' and '${literalType}' for operator kind 'Equal'.`,
    );
  };

  const comparison = (): UserPredicate => {
    const name = property();
    const op = tokens[pos++];
    if (op?.kind !== 'word') throw graphErrors.invalidFilter('expected an operator.');
    const operator = op.value.toLowerCase();
    if (operator === 'in') {
      const getter = stringGetter(name);
      expect('(');
      const values = new Set<string>();
      for (;;) {
        const value = literal();
        if (value.type !== 'Edm.String') mismatch('Edm.String', value.type);
        else values.add(value.value.toLowerCase());
        if (peek()?.kind === 'punct' && peek()!.value === ',') pos++;
        else break;
      }
      expect(')');
      return (p) => values.has((getter(p) ?? '').toLowerCase());
    }
    if (operator !== 'eq') throw graphErrors.unsupportedQuery();
    const value = literal();
    if (value.type === 'null') throw graphErrors.unsupportedQuery();
    const boolGetter = BOOLEAN_PROPERTIES[name];
    if (boolGetter) {
      if (value.type !== 'Edm.Boolean') return mismatch('Edm.Boolean', value.type);
      return (p) => boolGetter(p) === value.value;
    }
    const getter = stringGetter(name);
    if (value.type !== 'Edm.String') return mismatch('Edm.String', value.type);
    const wanted = value.value.toLowerCase();
    return (p) => (getter(p) ?? '').toLowerCase() === wanted;
  };

  const primary = (): UserPredicate => {
    const t = peek();
    if (t?.kind === 'punct' && t.value === '(') {
      pos++;
      const inner = orExpression();
      expect(')');
      return inner;
    }
    if (isWord(t, 'startswith')) {
      pos++;
      expect('(');
      const getter = stringGetter(property());
      expect(',');
      const value = literal();
      if (value.type !== 'Edm.String') throw graphErrors.invalidFilter('startswith expects a string.');
      expect(')');
      const prefix = value.value.toLowerCase();
      return (p) => (getter(p) ?? '').toLowerCase().startsWith(prefix);
    }
    if (t?.kind === 'word' && /^(not|endswith|contains|any|all)$/i.test(t.value)) throw graphErrors.unsupportedQuery();
    return comparison();
  };
  const andExpression = (): UserPredicate => {
    let left = primary();
    while (isWord(peek(), 'and')) {
      pos++;
      const l = left;
      const r = primary();
      left = (p) => l(p) && r(p);
    }
    return left;
  };
  const orExpression = (): UserPredicate => {
    let left = andExpression();
    while (isWord(peek(), 'or')) {
      pos++;
      const l = left;
      const r = andExpression();
      left = (p) => l(p) || r(p);
    }
    return left;
  };

  if (tokens.length === 0) throw graphErrors.invalidFilter('the filter is empty.');
  const predicate = orExpression();
  if (pos !== tokens.length) throw graphErrors.invalidFilter(`unexpected '${(tokens[pos] as Token).value}'.`);
  return predicate;
}
