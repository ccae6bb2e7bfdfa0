// The demo shop's catalog: a men's traditional clothing store (INR, GST-inclusive). About 300
// products built from category templates × fabrics/colours, with realistic price bands, GST slabs
// (5 % up to ₹1,000, 12 % above), reorder levels and supplier lead times.
import type { Faker } from '@faker-js/faker';
import type { ProductFields } from '../catalog/catalogRepo';

export interface DemoProduct extends ProductFields {
  /** Relative popularity within the shop (Zipf-like), drives the generated sales mix. */
  weight: number;
  /** True for wedding wear, whose sales swing hardest with the wedding season. */
  wedding: boolean;
}

interface Template {
  category: string;
  subCategory: string;
  code: string;
  /** Price band in whole rupees. */
  min: number;
  max: number;
  count: number;
  wedding: boolean;
  styles: readonly string[];
}

const TEMPLATES: readonly Template[] = [
  {
    category: 'Kurtas',
    subCategory: 'Cotton Kurta',
    code: 'KCT',
    min: 599,
    max: 1_899,
    count: 30,
    wedding: false,
    styles: ['Straight', 'Short', 'Printed', 'Solid', 'Khadi', 'Mandarin Collar'],
  },
  {
    category: 'Kurtas',
    subCategory: 'Linen Kurta',
    code: 'KLN',
    min: 1_299,
    max: 2_999,
    count: 18,
    wedding: false,
    styles: ['Slub', 'Striped', 'Solid', 'Pintuck'],
  },
  {
    category: 'Kurtas',
    subCategory: 'Silk Kurta',
    code: 'KSL',
    min: 1_999,
    max: 5_999,
    count: 20,
    wedding: true,
    styles: ['Art Silk', 'Raw Silk', 'Banarasi', 'Tussar', 'Jacquard'],
  },
  {
    category: 'Kurtas',
    subCategory: 'Chikankari Kurta',
    code: 'KCH',
    min: 1_499,
    max: 4_499,
    count: 16,
    wedding: false,
    styles: ['Lucknowi', 'Mirror Work', 'Shadow Work'],
  },
  {
    category: 'Kurtas',
    subCategory: 'Pathani Kurta',
    code: 'KPT',
    min: 999,
    max: 2_499,
    count: 12,
    wedding: false,
    styles: ['Classic', 'Embroidered', 'Two-Pocket'],
  },
  {
    category: 'Kurta Pyjama Sets',
    subCategory: 'Cotton Set',
    code: 'SCT',
    min: 1_199,
    max: 2_799,
    count: 18,
    wedding: false,
    styles: ['Daily Wear', 'Printed', 'Solid'],
  },
  {
    category: 'Kurta Pyjama Sets',
    subCategory: 'Festive Set',
    code: 'SFS',
    min: 2_499,
    max: 7_999,
    count: 22,
    wedding: true,
    styles: ['Silk Blend', 'Embroidered', 'Sequin', 'Zari Border'],
  },
  {
    category: 'Sherwanis',
    subCategory: 'Wedding Sherwani',
    code: 'SHW',
    min: 12_999,
    max: 45_999,
    count: 16,
    wedding: true,
    styles: ['Zardozi', 'Velvet', 'Brocade', 'Threadwork', 'Royal'],
  },
  {
    category: 'Sherwanis',
    subCategory: 'Indo-Western',
    code: 'SIW',
    min: 8_999,
    max: 24_999,
    count: 12,
    wedding: true,
    styles: ['Asymmetric', 'Jodhpuri', 'Draped'],
  },
  {
    category: 'Sherwanis',
    subCategory: 'Achkan',
    code: 'SAC',
    min: 9_999,
    max: 29_999,
    count: 8,
    wedding: true,
    styles: ['Classic', 'Embroidered'],
  },
  {
    category: 'Nehru Jackets',
    subCategory: 'Cotton Jacket',
    code: 'NCT',
    min: 1_299,
    max: 2_999,
    count: 16,
    wedding: false,
    styles: ['Khadi', 'Printed', 'Solid'],
  },
  {
    category: 'Nehru Jackets',
    subCategory: 'Silk Jacket',
    code: 'NSL',
    min: 2_499,
    max: 6_499,
    count: 16,
    wedding: true,
    styles: ['Jacquard', 'Brocade', 'Embroidered'],
  },
  {
    category: 'Dhotis',
    subCategory: 'Cotton Dhoti',
    code: 'DCT',
    min: 349,
    max: 999,
    count: 12,
    wedding: false,
    styles: ['Veshti', 'Panche', 'Plain'],
  },
  {
    category: 'Dhotis',
    subCategory: 'Silk Dhoti',
    code: 'DSL',
    min: 1_499,
    max: 4_999,
    count: 10,
    wedding: true,
    styles: ['Zari Border', 'Kanchipuram', 'Tussar'],
  },
  {
    category: 'Dhotis',
    subCategory: 'Ready-to-Wear Dhoti',
    code: 'DRW',
    min: 699,
    max: 1_799,
    count: 8,
    wedding: false,
    styles: ['Elastic', 'Cowl', 'Patiala'],
  },
  {
    category: 'Pagris & Turbans',
    subCategory: 'Wedding Safa',
    code: 'PSF',
    min: 999,
    max: 3_999,
    count: 14,
    wedding: true,
    styles: ['Bandhani', 'Leheriya', 'Zari', 'Jodhpuri'],
  },
  {
    category: 'Pagris & Turbans',
    subCategory: 'Ready Pagri',
    code: 'PRP',
    min: 799,
    max: 2_499,
    count: 10,
    wedding: true,
    styles: ['Rajasthani', 'Marathi Pheta', 'Mysore Peta'],
  },
  {
    category: 'Pagris & Turbans',
    subCategory: 'Kalgi & Brooch',
    code: 'PKB',
    min: 299,
    max: 1_999,
    count: 8,
    wedding: true,
    styles: ['Feather', 'Kundan', 'Pearl'],
  },
  {
    category: 'Juttis & Mojaris',
    subCategory: 'Punjabi Jutti',
    code: 'JPJ',
    min: 799,
    max: 2_499,
    count: 14,
    wedding: true,
    styles: ['Embroidered', 'Plain Leather', 'Tilla'],
  },
  {
    category: 'Juttis & Mojaris',
    subCategory: 'Mojari',
    code: 'JMJ',
    min: 999,
    max: 3_499,
    count: 12,
    wedding: true,
    styles: ['Rajasthani', 'Velvet', 'Beaded'],
  },
  {
    category: 'Juttis & Mojaris',
    subCategory: 'Kolhapuri',
    code: 'JKP',
    min: 599,
    max: 1_499,
    count: 8,
    wedding: false,
    styles: ['Classic', 'Braided'],
  },
  {
    category: 'Stoles & Dupattas',
    subCategory: 'Silk Stole',
    code: 'TSL',
    min: 699,
    max: 2_499,
    count: 10,
    wedding: true,
    styles: ['Banarasi', 'Zari', 'Plain'],
  },
  {
    category: 'Stoles & Dupattas',
    subCategory: 'Woollen Shawl',
    code: 'TWL',
    min: 1_199,
    max: 4_999,
    count: 8,
    wedding: false,
    styles: ['Pashmina Blend', 'Kullu', 'Jamawar'],
  },
  {
    category: 'Pyjamas & Churidars',
    subCategory: 'Churidar',
    code: 'YCH',
    min: 399,
    max: 999,
    count: 8,
    wedding: false,
    styles: ['Cotton', 'Silk Blend'],
  },
  {
    category: 'Pyjamas & Churidars',
    subCategory: 'Aligarhi Pyjama',
    code: 'YAL',
    min: 449,
    max: 1_199,
    count: 6,
    wedding: false,
    styles: ['Cotton', 'Linen'],
  },
];

const COLOURS = [
  'Ivory',
  'Cream',
  'Off-White',
  'Maroon',
  'Navy',
  'Mustard',
  'Bottle Green',
  'Royal Blue',
  'Peach',
  'Black',
  'Gold',
  'Rust',
  'Teal',
  'Beige',
  'Wine',
  'Sky Blue',
  'Saffron',
  'Grey',
  'Rose Pink',
  'Olive',
];

/** EAN-13 with India's GS1 prefix 890 and a valid check digit. */
const ean13 = (n: number): string => {
  const body = `890${String(n).padStart(9, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
};

/** GST on apparel and footwear: 5 % up to ₹1,000 a piece, 12 % above. */
const gstBp = (rupees: number): number => (rupees <= 1_000 ? 500 : 1_200);

/** Prices end in 9, as shops price them. */
const shelfPrice = (faker: Faker, min: number, max: number): number => {
  const raw = faker.number.int({ min, max });
  return Math.max(min, Math.round(raw / 100) * 100 - 1);
};

export const buildDemoCatalog = (faker: Faker): DemoProduct[] => {
  const products: DemoProduct[] = [];
  let serial = 1;
  for (const t of TEMPLATES) {
    const seen = new Set<string>();
    for (let i = 0; i < t.count; i++) {
      let name = '';
      for (let attempt = 0; attempt < 20 && (name === '' || seen.has(name)); attempt++) {
        name = `${faker.helpers.arrayElement(COLOURS)} ${faker.helpers.arrayElement(t.styles)} ${t.subCategory}`;
      }
      if (seen.has(name)) name = `${name} ${i + 1}`;
      seen.add(name);
      const rupees = shelfPrice(faker, t.min, t.max);
      products.push({
        sku: `${t.code}-${String(i + 1).padStart(3, '0')}`,
        barcodes: [ean13(serial)],
        name,
        category: t.category,
        subCategory: t.subCategory,
        unitPrice: rupees * 100,
        taxRateBp: gstBp(rupees),
        reorderLevel: rupees > 8_000 ? 1 : faker.number.int({ min: 3, max: 8 }),
        leadTimeDays:
          rupees > 8_000
            ? faker.number.int({ min: 21, max: 45 })
            : faker.number.int({ min: 7, max: 21 }),
        active: true,
        // Cheaper items sell more often; a few best sellers per template.
        weight: (1 / (1 + (i % 7))) * (rupees > 8_000 ? 0.15 : rupees > 2_500 ? 0.5 : 1),
        wedding: t.wedding,
      });
      serial++;
    }
  }
  return products;
};
