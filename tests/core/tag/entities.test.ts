// Organisations, people and places read from short texts, with the bundled knowledge.
import { describe, expect, it } from 'vitest';
import { bundledKnowledge } from '../../../lambdas/core/tag/bundled.ts';
import { createExtractor } from '../../../lambdas/core/tag/extract.ts';

const extract = createExtractor(bundledKnowledge);
const read = (text: string) => extract({ id: 't', text });
const orgs = (text: string) => read(text).organisations.map((o) => o.name);

describe('organisations', () => {
  it.each([
    ['a knowledge-base name', 'Staff at Central Surrey Health voted on the plan.', 'Central Surrey Health'],
    ['an alias, as the canonical name', 'Consultants from PwC will advise the new mutual.', 'PricewaterhouseCoopers'],
    ['a possessive', "The board approved Leading Lives’ new strategy.", 'Leading Lives'],
    ['a council named by its area', 'Westminster Council backed the spin-out last week.', 'Westminster City Council'],
    ['an unknown council by its suffix', 'Officers at Little Snoring Parish Council met on Tuesday.', 'Little Snoring Parish Council'],
    ['an unknown NHS trust', 'Services move from Wessex Valley Community NHS Trust in April.', 'Wessex Valley Community NHS Trust'],
    ['a department by its head word', 'The Department for Widgets and Gadgets published figures.', 'Department for Widgets and Gadgets'],
    ['a described name', 'Brightwater Care, a staff-owned social enterprise in Kent, won the bid.', 'Brightwater Care'],
    ['a name after its noun', 'She joined the community interest company Fenland Futures in 2012.', 'Fenland Futures'],
    ['a list after "such as"', 'Charities such as Riverside Aid and Hilltop Help offered to step in.', 'Hilltop Help'],
    ['a name used twice', 'Granite Hollow signed the deal. Later Granite Hollow hired twenty staff.', 'Granite Hollow'],
  ])('finds %s', (_, text, name) => {
    expect(orgs(text)).toContain(name);
  });

  it.each([
    ['a job title', 'Minister for the Cabinet Office Jo Bloggs visited.', 'Minister for the Cabinet Office'],
    ['a programme', 'The Mutuals Support Programme opened. The Mutuals Support Programme has funds.', 'Mutuals Support Programme'],
    ['generic services', "Children’s Services will move to the trust.", "Children’s Services"],
    ['a number', 'In 2012 Oakfield Trust was formed.', '2012'],
  ])('does not take %s for an organisation', (_, text, name) => {
    expect(orgs(text)).not.toContain(name);
  });

  it('collapses a short form into the full name used in the same story', () => {
    const found = orgs('Staff will run Newton Rigg Agricultural College. Newton Rigg College has 400 students.');
    expect(found.filter((n) => n.startsWith('Newton Rigg'))).toEqual(['Newton Rigg Agricultural College']);
  });

  it('keeps unknown names apart as candidates for editors', () => {
    const x = read('Officers at Little Snoring Parish Council and Suffolk County Council met.');
    expect(x.organisations.map((o) => [o.name, o.known])).toEqual([
      ['Little Snoring Parish Council', false],
      ['Suffolk County Council', true],
    ]);
  });

  it('reads councils named by a list of their areas', () => {
    const found = orgs('Staff came from three councils, Hammersmith and Fulham, Kensington and Chelsea, and Westminster.');
    expect(found).toEqual(expect.arrayContaining(['Hammersmith and Fulham Council', 'Royal Borough of Kensington and Chelsea', 'Westminster City Council']));
  });
});

describe('people', () => {
  it.each([
    ['given name and surname', 'The report was written by Harriet Oyelaran-Smith last year.', 'Harriet Oyelaran-Smith', undefined],
    ['a title before the name', 'Health Secretary Andrew Lansley said the plan would work.', 'Andrew Lansley', 'Health Secretary'],
    ['an appositive role', 'Priya Natarajan, chief executive of Brightwater Care, said staff were ready.', 'Priya Natarajan', 'chief executive of Brightwater Care'],
    ['an honorific and particle', 'The panel was led by Prof Julian Le Grand.', 'Julian Le Grand', undefined],
    ['a glued name', 'Launching it, Cabinet Office minister FrancisMaude said it mattered.', 'Francis Maude', 'Cabinet Office minister'],
    ['a name known by its context', 'It was a good day, said Zebedee Quarrington.', 'Zebedee Quarrington', undefined],
  ])('finds %s', (_, text, name, role) => {
    const person = read(text).people.find((p) => p.name === name);
    expect(person).toBeDefined();
    if (role) expect(person?.role).toBe(role);
  });

  it('resolves short forms to the full name in the story', () => {
    const x = read('Tamsin Ockleford opened the hub. Ms Ockleford said it was busy. Later Ockleford added more.');
    expect(x.people.map((p) => p.name)).toEqual(['Tamsin Ockleford']);
  });

  it.each([
    ['an organisation led by a given name', 'Staff met John Lewis Partnership managers.'],
    ['a place', 'The service covers Kensington and Chelsea.'],
    ['a street', 'The office is on Victoria Street in Bristol.'],
  ])('does not read %s as a person', (_, text) => {
    expect(read(text).people).toEqual([]);
  });
});

describe('places', () => {
  it.each([
    ['a town', 'The mutual is based in Ipswich.', ['Ipswich']],
    ['an ambiguous name with a locative cue', 'Staff in Reading voted for the plan.', ['Reading']],
    ['an ambiguous name inside a council', 'Reading Borough Council backed it.', ['Reading']],
    ['a place inside an NHS body', 'North East Essex PCT will become a CIC.', ['North East Essex']],
  ])('finds %s', (_, text, places) => {
    expect(read(text).places.map((p) => p.name)).toEqual(places);
  });

  it.each([
    ['an ambiguous name without a cue', 'Reading is the best way to learn.'],
    ['a month', 'The deal was signed in March.'],
    ['a place inside a mutual name', 'Central Surrey Health grew again.'],
    ['a demonym', 'A Cumbrian college will become a trust.'],
  ])('ignores %s', (_, text) => {
    expect(read(text).places).toEqual([]);
  });
});

describe('boilerplate', () => {
  const furniture = [
    'You are commenting using your Google account. Log Out /  Change )',
    'Jump to: navigation, search',
    'Share this:',
    'Like this:',
    'Facebook  X  LinkedIn  Email',
    'We use cookies to improve your experience on this website.',
    'Notify me of new posts via email.',
    'Posted by: Sir Bob Kerslake, Posted on: 3 December 2013 - Categories: mutuals, Visits',
  ];

  it.each(furniture)('never yields a name from "%s"', (line) => {
    const x = read(`Riverside Aid opened a new centre.\n\n${line}\n`);
    expect(x.organisations.map((o) => o.name).filter((n) => n !== 'Riverside Aid')).toEqual([]);
    expect(x.places).toEqual([]);
    expect(x.people.filter((p) => p.name !== 'Bob Kerslake')).toEqual([]);
  });

  it('drops a comment form at the end of a story', () => {
    const body = 'Leading Lives supports adults with learning disabilities across Suffolk. '.repeat(5);
    const x = read(`${body}\n\nLeave a Reply\n\nFill in your details below\n\nGoogle photo\n\nJo Bloggs from Swindon wrote this comment`);
    expect(x.places.map((p) => p.name)).toEqual(['Suffolk']);
    expect(x.people).toEqual([]);
  });
});
