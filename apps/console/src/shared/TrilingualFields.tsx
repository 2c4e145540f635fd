import { Col, Form, Input, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/languages';

/**
 * One trilingual field (name, title…) edited side by side in zh / en / ru; an empty language is marked, since
 * the public programme and releases need all three. `name` is the form path of the { zh, en, ru } object.
 */
export function TrilingualFields({ name, label, required = [], multiline = false }: {
  name: string | (string | number)[];
  label: string;
  /** Languages the api requires here; the others may be empty, and are still marked when they are. */
  required?: readonly string[];
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const path = Array.isArray(name) ? name : [name];
  const form = Form.useFormInstance();
  const value = (Form.useWatch(path, form) ?? {}) as Record<string, string | undefined>;
  return (
    <fieldset className="trilingual" style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
      <legend style={{ fontWeight: 500, marginBottom: 8, fontSize: 14 }}>{label}</legend>
      <Row gutter={12}>
        {LANGUAGES.map((language) => {
          const missing = !value[language]?.trim();
          return (
            <Col span={8} key={language}>
              <Form.Item
                name={[...path, language]}
                label={
                  <span>
                    {label} · {t(`trilingual.${language}`)}{' '}
                    {missing && (
                      <Tag color="error" data-testid={`missing-${path.join('.')}-${language}`}>
                        {t('trilingual.missing')}
                      </Tag>
                    )}
                  </span>
                }
                rules={required.includes(language) ? [{ required: true, whitespace: true, message: t('signIn.required') }] : []}
              >
                {multiline ? <Input.TextArea lang={language} autoSize={{ minRows: 2 }} /> : <Input lang={language} />}
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </fieldset>
  );
}
