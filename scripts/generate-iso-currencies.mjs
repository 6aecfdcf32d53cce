#!/usr/bin/env node
// Writes config/figures/currencies-iso4217.json: one row per ISO 4217 currency that the
// hand-written config/figures/currencies.json does not cover, from two well-kept sources on
// Debian: the iso-codes package (ISO 4217 codes and names, /usr/share/iso-codes/json) and the
// glibc locale data (each locale's currency_symbol, /usr/share/i18n/locales). Run it again when
// either changes; review the diff. Rows name the currency (code, name and plural) and the
// symbols that belong to that currency alone; symbols shared by several currencies ($, £, kr)
// and single Latin letters (R, K, L) are left out: they need context the table cannot give.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './shared-dir.mjs';

const isoFile = '/usr/share/iso-codes/json/iso_4217.json';
const localeDir = '/usr/share/i18n/locales';
const handTable = JSON.parse(readFileSync(join(repoRoot, 'config', 'figures', 'currencies.json'), 'utf8'));
const covered = new Set(handTable.rules.map((row) => row.code));
const handForms = new Set(handTable.rules.flatMap((row) => [...(row.symbols ?? []), ...(row.suffixSymbols ?? []), ...(row.words ?? [])].map((form) => form.toLowerCase())));

// Not money in a news text: precious metals, fund and accounting units, test codes.
const NOT_CASH = /^X|^(?:BOV|CHE|CHW|CLF|COU|MXV|USN|UYI|UYW|VED)$/;
// Names that are ordinary English words after a number ("3 gold medals", "won 2 real games").
// Codes that spell English words are kept out of the code list: "ALL 5 options", "TOP 10".
const ENGLISH_WORD_CODES = new Set(['ALL', 'BAM', 'BOB', 'CUP', 'DOP', 'GEL', 'MAD', 'MOP', 'PEN', 'SOS', 'TOP', 'ANG', 'ERN', 'LAK', 'CUC']);
const ENGLISH_WORD_NAMES = new Set(['gold', 'silver', 'won', 'sol', 'som', 'real', 'dong', 'sucre', 'leone', 'mark']);

const symbolsByCode = new Map();
for (const file of readdirSync(localeDir)) {
  let text;
  try {
    text = readFileSync(join(localeDir, file), 'utf8');
  } catch {
    continue;
  }
  const code = /^int_curr_symbol\s+"([A-Z]{3})/m.exec(text)?.[1];
  const symbol = /^currency_symbol\s+"([^"]*)"/m.exec(text)?.[1]?.replace(/<U([0-9A-Fa-f]+)>/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16))).replace(/\/\//g, '/');
  if (!code || !symbol) continue;
  if (!symbolsByCode.has(code)) symbolsByCode.set(code, new Set());
  symbolsByCode.get(code).add(symbol);
}
const owners = new Map();
for (const [code, symbols] of symbolsByCode) for (const symbol of symbols) owners.set(symbol, [...(owners.get(symbol) ?? []), code]);
// Letters-only symbols are kept only when mixed-case and three letters or more (Ksh, TSh, FRw):
// "den", "Br", "Lei" are words or names as often as money.
const usable = (symbol) =>
  owners.get(symbol).length === 1 && !symbol.includes('$') && !handForms.has(symbol.toLowerCase()) && (!/^[A-Za-z.]+$/.test(symbol) || (symbol.length >= 3 && /[a-z]/.test(symbol) && /[A-Z]/.test(symbol) && !/^[A-Z][a-z]+$/.test(symbol)));

const plural = (name) => (/(?:s|sh|ch|x)$/.test(name) ? `${name}es` : `${name}s`);
const seen = new Set();
const rows = [];
for (const { alpha_3: code, name } of JSON.parse(readFileSync(isoFile, 'utf8'))['4217']) {
  if (covered.has(code) || NOT_CASH.test(code) || seen.has(code)) continue;
  seen.add(code);
  const clean = name.replace(/\s*\(.*\)$/, '').replace(/’/g, "'").toLowerCase();
  if (ENGLISH_WORD_NAMES.has(clean)) continue;
  const words = [clean, plural(clean)].filter((word) => !handForms.has(word));
  const symbols = [...(symbolsByCode.get(code) ?? [])].filter(usable).sort();
  const hit = [`The fee came to 250 ${plural(clean)}.`, ...symbols.slice(0, 1).map((symbol) => `The fee came to 250 ${symbol}.`)];
  rows.push({
    id: `currency.iso.${code.toLowerCase()}`,
    reason: `${name} (ISO 4217 ${code}; name from iso-codes${symbols.length > 0 ? ', symbol from the glibc locale data' : ''})`,
    code,
    symbols,
    suffixSymbols: symbols,
    codes: ENGLISH_WORD_CODES.has(code) ? [] : [code.toLowerCase()],
    words,
    examples: { hit, miss: [`The ${clean} was revalued last year.`] },
  });
}
// Pre-euro and other withdrawn currencies still met in archive stories (ISO 4217 historic codes,
// iso-codes' iso_4217.xml), with the words English reports used for them.
const HISTORIC = {
  DEM: ['Deutsche Mark', ['deutsche mark', 'deutsche marks', 'deutschmark', 'deutschmarks', 'd-mark', 'd-marks']],
  FRF: ['French Franc', ['french franc', 'french francs']],
  ITL: ['Italian Lira', ['italian lira', 'italian lire', 'lire']],
  ESP: ['Spanish Peseta', ['peseta', 'pesetas']],
  NLG: ['Netherlands Guilder', ['guilder', 'guilders', 'dutch guilder', 'dutch guilders']],
  BEF: ['Belgian Franc', ['belgian franc', 'belgian francs']],
  ATS: ['Austrian Schilling', ['austrian schilling', 'austrian schillings']],
  PTE: ['Portuguese Escudo', ['portuguese escudo', 'portuguese escudos']],
  IEP: ['Irish Pound', ['irish pound', 'irish pounds', 'punt', 'punts']],
  FIM: ['Markka', ['markka', 'markkaa']],
  GRD: ['Drachma', ['drachma', 'drachmas', 'drachmae']],
};
for (const [code, [name, words]] of Object.entries(HISTORIC)) {
  rows.push({
    id: `currency.iso.${code.toLowerCase()}`,
    reason: `${name} (ISO 4217 historic code ${code}), withdrawn but met in archive stories`,
    code,
    symbols: [],
    suffixSymbols: [],
    codes: [],
    words,
    examples: { hit: [`The fee came to 250 ${words[1]}.`], miss: [`The ${words[0]} was withdrawn.`] },
  });
}
const out = { version: 1, source: 'generated by scripts/generate-iso-currencies.mjs from iso-codes (ISO 4217) and glibc locale data', rules: rows };
writeFileSync(join(repoRoot, 'config', 'figures', 'currencies-iso4217.json'), `${JSON.stringify(out, null, 1)}\n`);
process.stdout.write(`${rows.length} currencies written\n`);
