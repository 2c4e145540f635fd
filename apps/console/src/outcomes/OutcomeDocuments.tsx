import { useRef, useState } from 'react';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { fetchDocument, type Outcome, type OutcomeDocument, saveBlob, uploadDocument } from './outcomesApi';

/** The SHA-256 of bytes, as the api writes it (hex), to check a downloaded copy against the checksum it recorded. */
async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Picks the signed copy (PDF, PNG, JPEG, WebP) and the language of that copy, and sends it. */
export function DocumentUpload({
  eventId,
  outcome,
  languages,
  onUploaded,
  onError,
}: {
  eventId: string;
  outcome: Outcome;
  languages: readonly OutcomeDocument['language'][];
  onUploaded: (document: OutcomeDocument) => void;
  onError: (error: ErrorEnvelope | undefined) => void;
}) {
  const { t, i18n } = useTranslation('outcomes');
  const [language, setLanguage] = useState<OutcomeDocument['language']>(((languages as readonly string[]).includes(i18n.language) ? i18n.language : 'zh') as OutcomeDocument['language']);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const send = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    onError(undefined);
    try {
      onUploaded(await uploadDocument(eventId, outcome.id, language, file));
    } catch (caught) {
      if (caught instanceof ApiError) onError(caught.envelope);
      else throw caught;
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        aria-label={t('documents.language')}
        style={{ width: 160 }}
        value={language}
        onChange={setLanguage}
        options={languages.map((value) => ({ value, label: t(`documents.lang.${value}`) }))}
        data-testid="document-language"
      />
      <span className="outcome-file-picker" style={{ position: 'relative' }}>
      <label className="outcome-file-button" htmlFor="outcome-document-file">
        {busy ? t('documents.uploading') : t('documents.upload')}
      </label>
      <input
        id="outcome-document-file"
        ref={input}
        type="file"
        accept="application/pdf,image/png,image/jpeg,image/webp"
        className="visually-hidden-file"
        style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
        onChange={(event) => void send(event.target.files?.[0])}
        data-testid="document-file"
      />
      </span>
    </Space>
  );
}

/** The stored copies with their SHA-256; a download comes through the typed client and is checked against it. */
export function DocumentList({ eventId, outcome, highlight, onError }: { eventId: string; outcome: Outcome; highlight?: string; onError: (error: ErrorEnvelope | undefined) => void }) {
  const { t, i18n } = useTranslation('outcomes');
  const [verified, setVerified] = useState<Record<string, boolean>>({});

  const download = async (document: OutcomeDocument) => {
    onError(undefined);
    try {
      const { blob, name } = await fetchDocument(eventId, outcome.id, document.id);
      const digest = await sha256Hex(blob);
      setVerified((known) => ({ ...known, [document.id]: digest === document.sha256 }));
      await saveBlob(blob, name);
    } catch (caught) {
      if (caught instanceof ApiError) onError(caught.envelope);
      else throw caught;
    }
  };

  if (!outcome.documents.length) return <Typography.Paragraph type="secondary">{t('documents.none')}</Typography.Paragraph>;
  return (
    <Table<OutcomeDocument>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={outcome.documents}
      data-testid="documents-table"
      rowClassName={(row) => (row.id === highlight ? 'ant-table-row-selected' : '')}
      columns={[
        { key: 'language', title: t('documents.language'), render: (_, row) => t(`documents.lang.${row.language}`) },
        { key: 'type', title: t('documents.type'), dataIndex: 'contentType' },
        { key: 'size', title: t('documents.size'), render: (_, row) => new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(row.sizeBytes / 1024) },
        {
          key: 'sha256',
          title: t('documents.checksum'),
          render: (_, row) => (
            <span className="checksum" data-testid="document-checksum">
              {row.sha256}
            </span>
          ),
        },
        {
          key: 'download',
          title: t('documents.download'),
          render: (_, row) => (
            <Space>
              <Button size="small" onClick={() => void download(row)} data-testid="document-download">
                {t('documents.download')}
              </Button>
              {verified[row.id] !== undefined && (
                <Tag color={verified[row.id] ? '#237804' : '#a8071a'} data-testid="document-verified">
                  {t(verified[row.id] ? 'documents.verified' : 'documents.mismatch')}
                </Tag>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
