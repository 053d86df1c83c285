import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureFromFiles } from '../../scripts/capture';
import { hasSharedFixtures, SKIP_NOTE, sharedFiles } from './shared-fixtures';

// Every arXiv abs page and Atom file in ../shared/fixtures/arxiv, through the same path as the CLI.
// Expected values were read off each file by hand.

interface Expected {
  id: string;
  published: string;
  authors: number;
  firstAuthor: string;
  title: string;
}

const ABS_PAGES: Record<string, Expected> = {
  'abs-1706.03762-2026.html': { id: '1706.03762', published: '2017-06-12', authors: 8, firstAuthor: 'Ashish Vaswani', title: 'Attention Is All You Need' },
  'abs-1902.02534-2026.html': { id: '1902.02534', published: '2019-02-07', authors: 3, firstAuthor: 'Ivan Heibi', title: 'Crowdsourcing open citations with CROCI -- An analysis of the current status of open citations, and a proposal' },
  'abs-2004.10162-2020.html': { id: '2004.10162', published: '2020-04-21', authors: 3, firstAuthor: 'Sanchari Sen', title: 'EMPIR: Ensembles of Mixed Precision Deep Networks for Increased Robustness against Adversarial Attacks' },
  'abs-2106.09608-2021.html': { id: '2106.09608', published: '2021-06-17', authors: 2, firstAuthor: 'Prithviraj Ammanabrolu', title: 'Learning Knowledge Graph-based World Models of Textual Environments' },
  'abs-2405.05966-2024.html': { id: '2405.05966', published: '2024-05-09', authors: 3, firstAuthor: 'Juri Opitz', title: 'Natural Language Processing RELIES on Linguistics' },
};

const ATOM_ENTRIES: Record<string, (Expected & { version: string })[]> = {
  'api-idlist-1601.00001-2020.atom.xml': [
    { id: '1601.00001', version: 'v1', published: '2015-12-26', authors: 2, firstAuthor: 'Michael Kilgour', title: 'Inelastic effects in molecular transport junctions: The probe technique at high bias' },
  ],
  'api-query-cs.RO-neural-2025.atom.xml': [
    { id: '2510.14968', version: 'v1', published: '2025-10-16', authors: 4, firstAuthor: 'Mingxuan Yan', title: 'RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks' },
    { id: '2510.14827', version: 'v1', published: '2025-10-16', authors: 6, firstAuthor: 'Yufei Zhu', title: 'Neural Implicit Flow Fields for Spatio-Temporal Motion Mapping' },
  ],
  'api-query-deep-dream-start0-2017.atom.xml': [
    { id: '1611.09520', version: 'v2', published: '2016-11-29', authors: 2, firstAuthor: 'Tomoyasu Horikawa', title: 'Hierarchical Neural Representation of Dreamed Objects Revealed by Brain Decoding with Deep Neural Network Features' },
    { id: '1511.08339', version: 'v2', published: '2015-11-26', authors: 1, firstAuthor: 'I. P. Waldmann', title: 'Dreaming of atmospheres' },
    { id: '1612.03659', version: 'v1', published: '2016-12-12', authors: 6, firstAuthor: 'Iris Hendrickx', title: 'Unraveling reported dreams with text analytics' },
    { id: '1304.8005', version: 'v2', published: '2013-04-30', authors: 1, firstAuthor: 'Atsushi Ito', title: 'Examples of Mori dream spaces with Picard number two' },
    { id: '1402.2297', version: 'v1', published: '2014-02-10', authors: 2, firstAuthor: 'Onur Varol', title: 'Connecting Dream Networks Across Cultures' },
    { id: '1608.03425', version: 'v1', published: '2016-08-11', authors: 5, firstAuthor: 'Haiguang Wen', title: 'Neural Encoding and Decoding with Deep Learning for Dynamic Natural Vision' },
    { id: '1510.02795', version: 'v2', published: '2015-10-09', authors: 5, firstAuthor: 'Søren Hauberg', title: 'Dreaming More Data: Class-dependent Distributions over Diffeomorphisms for Learned Data Augmentation' },
    { id: '0706.3031', version: 'v3', published: '2007-06-20', authors: 2, firstAuthor: 'Ning Jia', title: 'Duality of antidiagonals and pipe dreams' },
    { id: '0904.3231', version: 'v1', published: '2009-04-21', authors: 1, firstAuthor: 'A M Stoneham', title: 'Why dream? A Conjecture on Dreaming' },
    { id: '1403.7984', version: 'v2', published: '2014-03-31', authors: 2, firstAuthor: 'Andreas Hochenegger', title: 'Mori Dream Stacks' },
  ],
};

describe.skipIf(!hasSharedFixtures)('corpus: arXiv abs pages and Atom feeds', () => {
  const pages = sharedFiles('arxiv', /^abs-.*\.html$/);
  const feeds = sharedFiles('arxiv', /\.atom\.xml$/);

  it('knows every file in the folder (a new fixture needs its expected values here)', () => {
    expect(pages.map((p) => basename(p))).toEqual(Object.keys(ABS_PAGES).sort());
    expect(feeds.map((p) => basename(p))).toEqual(Object.keys(ATOM_ENTRIES).sort());
  });

  it.each(pages.map((p) => [basename(p), p]))('%s', async (name, path) => {
    const want = ABS_PAGES[name];
    const c = await captureFromFiles(`https://arxiv.org/abs/${want.id}`, [path]);
    expect(c.extractor).toBe('arxiv-abs');
    expect(c.warnings).toEqual([]);
    expect(c.paper.arxivId).toBe(want.id);
    expect(c.title).toBe(want.title);
    expect(c.paper.title).toBe(want.title);
    expect(c.paper.published).toBe(want.published);
    expect(c.paper.authors).toHaveLength(want.authors);
    expect(c.paper.authors[0]).toBe(want.firstAuthor);
    expect(c.paper.abstract.length).toBeGreaterThan(200);
    expect(c.links.paper[0].url).toBe(`https://arxiv.org/abs/${want.id}`);
  });

  for (const path of feeds) {
    for (const want of ATOM_ENTRIES[basename(path)] ?? []) {
      it(`${basename(path)} entry ${want.id}`, async () => {
        // Only the feed is given: the extractor sees an empty page and reads the API answer.
        const c = await captureFromFiles(`https://arxiv.org/abs/${want.id}`, [path]);
        expect(c.extractor).toBe('arxiv-abs');
        expect(c.paper).toMatchObject({ arxivId: want.id, version: want.version, title: want.title, published: want.published });
        expect(c.paper.authors).toHaveLength(want.authors);
        expect(c.paper.authors[0]).toBe(want.firstAuthor);
        expect(c.paper.abstract.length).toBeGreaterThan(100);
      });
    }
  }
});

describe.skipIf(hasSharedFixtures)('corpus: arXiv (skipped)', () => {
  it('explains the skip', () => {
    console.warn(SKIP_NOTE);
    expect(hasSharedFixtures).toBe(false);
  });
});
