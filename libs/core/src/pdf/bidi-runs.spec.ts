import { visualRuns } from './bidi-runs.js';

const drawn = (text: string, font = 'arabic') => visualRuns([{ text, font }]).map((p) => p.text);

describe(visualRuns.name, () => {
  it('leaves a line without right-to-left text as it was', () => {
    const runs = [{ text: 'प्रिया ', font: 'sans' }, { text: 'សុខ', font: 'khmer' }];
    expect(visualRuns(runs)).toEqual([{ text: 'प्रिया ', font: 'sans', logical: 'प्रिया ' }, { text: 'សុខ', font: 'khmer', logical: 'សុខ' }]);
  });

  // pdfkit sets a string's words left to right in the order given (fontkit reverses the letters of each word).
  it('puts the words of a right-to-left name in visual order, first word rightmost', () => {
    expect(drawn('عمران خان')).toEqual(['خان', ' ', 'عمران']);
  });

  it('keeps digits left to right inside right-to-left text, pre-reversing Arabic-script digits that fontkit would reverse', () => {
    expect(drawn('وزارت 2026')).toEqual(['2026', ' ', 'وزارت']);
    expect(drawn('سال ۲۰۲۶')).toEqual(['۶۲۰۲', ' ', 'سال']);
  });

  it('mirrors brackets standing between right-to-left words', () => {
    expect(drawn('عمران (خان)')).toEqual(['(', 'خان', ')', ' ', 'عمران']);
  });

  it('orders a Latin part inside an Arabic name and an Arabic part inside a Latin line', () => {
    const mixed = visualRuns([{ text: 'محمد ', font: 'arabic' }, { text: 'Ali', font: 'sans' }]);
    expect(mixed.map((p) => p.text)).toEqual(['Ali', ' ', 'محمد']);
    expect(mixed.map((p) => p.font)).toEqual(['sans', 'arabic', 'arabic']);
    expect(visualRuns([{ text: 'Dr ', font: 'sans' }, { text: 'عمران خان', font: 'arabic' }]).map((p) => p.text)).toEqual(['Dr ', 'خان', ' ', 'عمران']);
  });

  it('keeps each piece\'s typed text for the ActualText', () => {
    expect(visualRuns([{ text: 'عمران (خان)', font: 'arabic' }]).map((p) => p.logical)).toEqual([')', 'خان', '(', ' ', 'عمران']);
  });
});
