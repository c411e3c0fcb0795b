import assert from 'node:assert/strict';
import { findIdentifiers } from '../../domain/personal-data';

/** Check digit of a Swedish personal identity number (YYMMDDNNN), computed here independently. */
function checkDigit(nineDigits: string): number {
  const sum = [...nineDigits].reduce((acc, ch, i) => {
    const product = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return acc + Math.floor(product / 10) + (product % 10);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

const kinds = (text: string) => findIdentifiers(text).map((f) => f.kind);

describe('personal-data', () => {
  describe('personal identity numbers', () => {
    it('computes the check digits the tests rely on', () => {
      assert.equal(checkDigit('811218987'), 6);
      assert.equal(checkDigit('900101123'), 9);
      assert.equal(checkDigit('900161123'), 6);
      assert.equal(checkDigit('050101123'), 3);
    });

    it('finds 811218-9876, whose check digit is right', () => {
      assert.deepEqual(findIdentifiers('Mannen, 811218-9876, syntes vid torget'), [{ kind: 'personalNumber', match: '811218-9876' }]);
    });

    it('ignores 811218-9875, whose check digit is wrong', () => {
      assert.deepEqual(findIdentifiers('811218-9875'), []);
    });

    it('finds a number with a computed check digit in every usual form', () => {
      const d = checkDigit('900101123');
      for (const form of [`900101-123${d}`, `900101123${d}`, `900101+123${d}`, `900101 123${d}`, `19900101-123${d}`, `19900101123${d}`]) {
        assert.deepEqual(findIdentifiers(`nr ${form} här`), [{ kind: 'personalNumber', match: form }], form);
      }
    });

    it('finds a coordination number, whose day is 60 higher', () => {
      assert.deepEqual(kinds(`900161-123${checkDigit('900161123')}`), ['personalNumber']);
    });

    it('ignores a number with a right check digit but no such month', () => {
      const d = checkDigit('901301123');
      assert.deepEqual(findIdentifiers(`901301-123${d}`), []);
    });

    it('ignores every wrong check digit for one birth date', () => {
      const right = checkDigit('900101123');
      for (let d = 0; d <= 9; d++) {
        if (d !== right) assert.deepEqual(findIdentifiers(`900101-123${d}`), [], `900101-123${d}`);
      }
    });

    it('reports a number that starts with 0 once, as a personal number and not also as a phone number', () => {
      const pnr = `050101-123${checkDigit('050101123')}`;
      assert.deepEqual(findIdentifiers(pnr), [{ kind: 'personalNumber', match: pnr }]);
    });
  });

  describe('phone numbers', () => {
    for (const phone of ['070-123 45 67', '0701234567', '+46 70 123 45 67', '+46701234567', '08-123 456 78', '0176-123 45']) {
      it(`finds ${phone}`, () => {
        assert.deepEqual(findIdentifiers(`Ring ${phone} efter kl. 17`), [{ kind: 'phoneNumber', match: phone }]);
      });
    }
  });

  describe('licence plates', () => {
    for (const plate of ['ABC 123', 'ABC123', 'ABC-123', 'ABC 12D', 'XYZ 98A']) {
      it(`finds ${plate}`, () => {
        assert.deepEqual(findIdentifiers(`En vit bil, ${plate}, körde runt torget`), [{ kind: 'licencePlate', match: plate }]);
      });
    }

    it('does not take letters plates never use (I, Q, V) for a plate', () => {
      assert.deepEqual(findIdentifiers('VIQ 123'), []);
    });

    it('does not take an everyday word before a number for a plate ("och 100 personer", "för 200 kr")', () => {
      for (const text of ['Det var och 100 personer där', 'med 150 personer', 'biljetter för 200 kr', 'Hus 123 brann']) {
        assert.deepEqual(findIdentifiers(text), [], text);
      }
    });
  });

  describe('ordinary text', () => {
    const ordinary = [
      'Ring 112 vid nödläge, annars 114 14',
      'Gäller v. 48 och v. 53',
      'Under 2025 och 2026 har det lugnat sig',
      'Samling vid 13:00 och igen 21:30',
      'Klotter på Storgatan 12 och Storgatan 123',
      'Nygatan 12, 761 30 Norrtälje',
      'Mötet 2026-12-28 kl. 15.00',
      'Ungefär 20 ungdomar, 3 mopeder och 1 A-traktor',
      'Brandlarm 4 gånger, senast 2026-11-24',
    ];
    for (const text of ordinary) {
      it(`does not flag "${text}"`, () => {
        assert.deepEqual(findIdentifiers(text), []);
      });
    }

    it('finds nothing in an empty text', () => {
      assert.deepEqual(findIdentifiers(''), []);
    });
  });

  it('finds several identifiers in one text, each with its own kind', () => {
    assert.deepEqual(findIdentifiers('Han (811218-9876) ringde från 070-123 45 67 och körde ABC 123.'), [
      { kind: 'personalNumber', match: '811218-9876' },
      { kind: 'phoneNumber', match: '070-123 45 67' },
      { kind: 'licencePlate', match: 'ABC 123' },
    ]);
  });
});
