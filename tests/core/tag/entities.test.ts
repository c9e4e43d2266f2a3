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
    ['a council named by its area', 'Money came from Westminster, Camden and Islington councils.', 'Westminster City Council'],
    ['a body under the full name the story writes', 'The Department for Digital, Culture, Media and Sport (DCMS) paid.', 'Department for Digital, Culture, Media and Sport'],
    ['a council under its formal name', 'Knowsley Metropolitan Borough Council agreed the transfer.', 'Knowsley Metropolitan Borough Council'],
    ['the canonical name when the story writes it', 'Knowsley Council agreed. Knowsley Metropolitan Borough Council owns the site.', 'Knowsley Council'],
    ['an unknown council by its suffix', 'Officers at Little Snoring Parish Council met on Tuesday.', 'Little Snoring Parish Council'],
    ['an unknown NHS trust', 'Services move from Wessex Valley Community NHS Trust in April.', 'Wessex Valley Community NHS Trust'],
    ['a department by its head word', 'The Department for Widgets and Gadgets published figures.', 'Department for Widgets and Gadgets'],
    ['a described name', 'Brightwater Care, a staff-owned social enterprise in Kent, won the bid.', 'Brightwater Care'],
    ['a name after its noun', 'She joined the community interest company Fenland Futures in 2012.', 'Fenland Futures'],
    ['a list after "such as"', 'Charities such as Riverside Aid and Hilltop Help offered to step in.', 'Hilltop Help'],
    ['a name used twice', 'Granite Hollow signed the deal. Later Granite Hollow hired twenty staff.', 'Granite Hollow'],
    ['a name after a known one and "and"', 'Mentors came from Central Surrey Health and Brightwater Leisure Limited.', 'Brightwater Leisure Limited'],
    ['a name after a person and "of"', 'The prize was judged by Clive Hurst of Granite Hollow Consulting.', 'Granite Hollow Consulting'],
    ['a department with commas in its name', 'The Department for Widgets, Gadgets, Levers and Sprockets published figures.', 'Department for Widgets, Gadgets, Levers and Sprockets'],
    ['a body with a list of compass words', 'Money came from NHS Northern, Eastern and Western Wessex Clinical Commissioning Group.', 'NHS Northern, Eastern and Western Wessex Clinical Commissioning Group'],
    ['a name with a possessive inside', "Members of the Northshire Head Teachers' Association voted.", "Northshire Head Teachers' Association"],
    ['a known name with a possessive inside', "He once ran St. James's Place Capital.", "St. James's Place Capital"],
    ['a name after "X-based"', 'Grimsby-based Brightwater Care Group won.', 'Brightwater Care Group'],
    ['an outlet whose name is made of common words', 'The story ran in Public Libraries News on Friday.', 'Public Libraries News'],
  ])('finds %s', (_, text, name) => {
    expect(orgs(text)).toContain(name);
  });

  it.each([
    ['a job title', 'Minister for the Cabinet Office Jo Bloggs visited.', 'Minister for the Cabinet Office'],
    ['a programme', 'The Mutuals Support Programme opened. The Mutuals Support Programme has funds.', 'Mutuals Support Programme'],
    ['generic services', "Children’s Services will move to the trust.", "Children’s Services"],
    ['a number', 'In 2012 Oakfield Trust was formed.', '2012'],
    ['two names joined by "and"', 'Mentors came from Central Surrey Health and Brightwater Leisure Limited.', 'Central Surrey Health and Brightwater Leisure Limited'],
    ['a person and the organisation after "of"', 'Advice came from Rob Pomfret of the Cabinet Office.', 'Rob Pomfret of the Cabinet Office'],
    ['a known name and the person after it', 'Minister for the Cabinet Office Jo Bloggs visited.', 'Cabinet Office Jo Bloggs'],
    ['a minister’s title', 'Minister for Civil Society Nick Hurd spoke.', 'Civil Society'],
    ['a councillor’s title', "Councillor Jo Bloggs, the council's Cabinet Member for Community Services, spoke.", 'Cabinet Member for Community Services'],
    ['a legal form', 'The service became a Community Benefit Society last year.', 'Community Benefit Society'],
    ['a programme the lexicon lists', 'Transforming Community Services moved staff. Transforming Community Services ended.', 'Transforming Community Services'],
    ['an event before a full stop and "The firm"', 'Staff marked Employee Ownership Day. The engineering firm gave a talk.', 'Employee Ownership Day'],
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

  it.each([
    ['a masthead above the headline', 'Northshire Gazette Online\nNews\n\nCare staff go it alone\n\nStaff left the council.', 'Northshire Gazette Online'],
    ['a masthead with its sections', 'NCJ | News | Community services\n\nCare staff go it alone\n\nStaff left the council.', 'NCJ'],
  ])('reads the outlet from %s', (_, text, name) => {
    const x = extract({ id: 't', title: 'Care staff go it alone', text });
    expect(x.organisations.map((o) => [o.name, o.kind])).toContainEqual([name, 'media']);
  });

  it.each([
    ['a section name', 'Business news\n\nCare staff go it alone\n\nStaff left the council.'],
    ['a date', '21 May 2024\n\nCare staff go it alone\n\nStaff left the council.'],
    ['no headline', 'Northshire Gazette Online\n\nStaff left the council.'],
  ])('reads no outlet from %s', (_, text) => {
    expect(extract({ id: 't', title: 'Care staff go it alone', text }).organisations.filter((o) => o.kind === 'media')).toEqual([]);
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
    ['a surname that is also a month', 'Councillor Paul May, cabinet member for children, told the meeting.', 'Paul May', 'cabinet member for children'],
    ['a name after a job title opening the sentence', 'Manager Christine Bailey said the co-operative had made a start.', 'Christine Bailey', undefined],
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
    ['a date', 'The board met on Friday 12 May 2023 in Bristol.'],
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
    ['a name with an apostrophe', "The hub in King's Lynn opened.", ["King's Lynn"]],
    ['Kingston with a cue', 'Staff in Kingston and Richmond voted.', ['Kingston', 'Richmond']],
    ['a town named like a month, in a list', 'It runs services in Wisbech, March and Ely.', ['Wisbech', 'March', 'Ely']],
  ])('finds %s', (_, text, places) => {
    expect(read(text).places.map((p) => p.name)).toEqual(places);
  });

  it.each([
    ['an ambiguous name without a cue', 'Reading is the best way to learn.'],
    ['a month', 'The deal was signed in March.'],
    ['a month in a date', 'It was agreed in March 2020, and between 12 March and May.'],
    ['Kingston without a cue', 'Kingston said the plan would work.'],
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
