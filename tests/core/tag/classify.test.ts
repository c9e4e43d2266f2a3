// Relevance, sectors, event type and date of short texts, with the bundled tagger.
import { describe, expect, it } from 'vitest';
import { findPublished } from '../../../lambdas/core/tag/dates.ts';
import { createTagger } from '../../../lambdas/core/tag/tagger.ts';

const tagger = createTagger();
const tag = (text: string, title = '') => tagger.tag({ id: 't', title, text });

describe('relevance', () => {
  it.each([
    ['a council service spinning out', 'Staff-led mutual to take over day services', 'Care staff at Northshire County Council will spin out their day services for adults with learning disabilities into an employee-owned social enterprise next April, becoming a public service mutual with support from the Cabinet Office.'],
    ['an NHS community service becoming a social enterprise', 'Community nurses leave the NHS', 'More than 600 community health staff transferred out of the NHS on Monday to form a community interest company owned by its staff, one of the Right to Request spin-outs.'],
  ])('keeps %s', (_, title, text) => {
    expect(tag(text, title).relevant).toBe(true);
  });

  it.each([
    ['a building society', 'Savers win as society lifts rates', 'The building society raised the interest rate on its easy-access savings account and paid a members’ bonus to mortgage customers, saying mutual ownership let it reward savers.'],
    ['mutual aid', 'Volunteers step in', 'Mutual aid groups on WhatsApp delivered shopping to neighbours who were shielding during the lockdown.'],
    ['a mutual insurer', 'Insurer rejects bid', 'Members of the mutual insurer voted against the takeover, and policyholders will keep their profits share.'],
    ['mutual recognition', 'Trade deal signed', 'The agreement provides for mutual recognition of professional qualifications between the two countries.'],
    ['an employee-owned private firm', 'Engineering firm moves to employee ownership', 'The family-owned engineering firm has transferred a controlling stake to an employee ownership trust, so its 400 staff now own the business. The founders said employee ownership would protect the company’s independence, and staff will share in future profits.'],
    ['council news with no mutual', 'Council approves budget', 'Northshire County Council approved its budget for next year, raising council tax by 4.99 per cent. Councillors agreed savings in adult social care and libraries, and the leader said the council would protect front-line services.'],
    ['NHS news with no mutual', 'Hospital trust names new chief executive', 'The NHS foundation trust has appointed a new chief executive, who will take up the post in April. The trust runs two hospitals and community health services across the county.'],
    ['a retail co-operative', 'Co-op opens new store', 'The regional co-operative society opened a new food store in the village, creating 20 jobs. Members will receive a share of the profits.'],
  ])('drops %s', (_, title, text) => {
    expect(tag(text, title).relevant).toBe(false);
  });
});

describe('sectors and event type', () => {
  it.each([
    ['Library service goes independent', 'The county’s libraries left council control on 1 August and are now run by an independent staff-led mutual, which will keep every library open.', ['libraries-and-culture'], 'spin-out-launch'],
    ['Minister visits care mutual', 'The minister visited the employee-owned home care co-operative during a tour of the county, meeting care workers who support older people.', ['adult-social-care'], 'ministerial-visit'],
    ['Mutual wins leisure contract', 'The leisure trust has won a ten-year contract to run the borough’s leisure centres and swimming pools after a tender.', ['leisure-and-sport'], 'contract-news'],
  ])('reads "%s"', (title, text, sectors, eventType) => {
    const tags = tag(text, title);
    expect(tags.sectors).toEqual(sectors);
    expect(tags.eventType).toBe(eventType);
  });

  it('takes no event cue from a name', () => {
    const plain = tagger.tag({ id: 'a', title: 'Explore York opens a library', text: 'Explore York Libraries and Archives opened a refurbished library in the city centre on Saturday, with a new café and children’s area.' });
    expect(plain.eventType).not.toBe('spin-out-plan');
  });

  it('gives a story about mutuals in general no sector', () => {
    expect(tag('Public service mutuals are growing, the minister said, and more councils are interested in the model.', 'Mutuals on the rise').sectors).toEqual([]);
  });
});

describe('published date', () => {
  it.each([
    ['a dateline with a full year', 'Headline\n\n12 August 2010\n\nThe first wave was announced today.', '2010-08-12'],
    ['a "Posted on" line in US order', 'Posted on February 8, 2013 by admin\n\nText of the story.', '2013-02-08'],
    ['a short dateline', 'When the feeling’s mutual\n\n8 Feb 13\nFrancis Maude\n\nBody.', '2013-02-08'],
    ['a credit line at the end', 'Body of the guide.\n\nSource: Guardian Social Enterprise Network 13 May 11 -', '2011-05-13'],
    ['the full-year dateline over an earlier short one', 'Title\n\n11 Aug 10\nSummary.\n\n12 August 2010\n\nBody.', '2010-08-12'],
  ])('reads %s', (_, text, date) => {
    expect(findPublished(text)).toBe(date);
  });

  it.each([
    ['dates inside sentences', 'The council agreed on 3 March 2011 that by 2015 the service would move out, from 1 April 2012.'],
    ['no date', 'Nothing dated here.'],
  ])('finds nothing in %s', (_, text) => {
    expect(findPublished(text)).toBeUndefined();
  });
});
