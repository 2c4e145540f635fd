import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/languages';
import type { LetterLanguage, LetterTextInput } from './visaApi';

/**
 * What the letter says, laid out as its two PDF pages are (Chinese, then the language chosen), from the form as it
 * is being typed: organisers proofread before saving. The labels are the letter's own words in each language, not
 * the reader's; the delegate's details are placeholders.
 */
export function LetterPreview({ text, language }: { text: Partial<LetterTextInput>; language: LetterLanguage }) {
  return (
    <Row gutter={16} data-testid="letter-preview">
      {(['zh', language] as const).map((lang) => (
        <Col span={12} key={lang}>
          <PreviewPage text={text} language={lang} />
        </Col>
      ))}
    </Row>
  );
}

function PreviewPage({ text, language }: { text: Partial<LetterTextInput>; language: Language }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language, 'visa');
  const tr = (value: { zh?: string; en?: string; ru?: string } | undefined) => value?.[language] ?? '';
  const rows: [string, string][] = [
    [t('preview.nameInPassport'), t('preview.sampleName')],
    [t('preview.nationality'), '—'],
    [t('preview.passportNumber'), '—'],
    [t('preview.stay'), '—'],
    [t('preview.purpose'), tr(text.purpose)],
  ];
  return (
    <Card size="small" lang={language} data-testid={`letter-preview-${language}`} className="visa-letter-page">
      <Typography.Text strong>{tr(text.organiserName)}</Typography.Text>
      <div className="visa-letter-small">{tr(text.organiserAddress)}</div>
      <div className="visa-letter-small">{text.organiserContact}</div>
      <Typography.Title level={4} style={{ marginTop: 12 }}>
        {t('preview.title')}
      </Typography.Title>
      {tr(text.body)
        .split(/\n\s*\n/)
        .filter(Boolean)
        .map((paragraph, index) => (
          <Typography.Paragraph key={index}>{paragraph}</Typography.Paragraph>
        ))}
      <dl className="visa-letter-details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div style={{ marginTop: 16 }}>
        <div className="visa-letter-small">{t('preview.signature')}: ____________</div>
        <Typography.Text strong>{tr(text.signatoryName)}</Typography.Text>
        <div>{tr(text.signatoryTitle)}</div>
        <div>{tr(text.signatoryOrganisation)}</div>
      </div>
    </Card>
  );
}
