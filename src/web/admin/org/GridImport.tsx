import { InboxOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Form, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.tsx';
import { NodePicker } from '../actions/NodePicker.tsx';
import { type MessageKey, m } from '../messages.ts';

interface Problem {
  index: number;
  code?: string;
  reason: string;
}

interface Report {
  created: number;
  updated: number;
  parentsCreated: { kind: string; code: string; name: string }[];
}

/**
 * 导入网格: a GeoJSON file goes to the server as it is; either every grid is written, or nothing is and each
 * refused feature comes back with its index and reason, listed here to fix the file.
 */
export function GridImport({ onImported }: { onImported: () => void }) {
  const t = useT(m);
  const [community, setCommunity] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);

  const send = async (file: File) => {
    setBusy(true);
    setReport(null);
    setError(null);
    setProblems([]);
    try {
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        setError(t('importNotJson'));
        return;
      }
      const r = await api<Report>('/api/v1/grids/import', { method: 'POST', body, query: { fileName: file.name, community } });
      setReport(r);
      onImported();
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.message);
        const d = e.details as { problems?: Problem[] } | undefined;
        if (Array.isArray(d?.problems)) setProblems(d.problems);
      } else setError(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <Flex vertical gap={16} style={{ maxWidth: 960 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('importHint')}
        </Typography.Paragraph>
        <Form layout="vertical" style={{ maxWidth: 360 }}>
          <Form.Item label={t('importCommunity')} htmlFor="import-community" style={{ marginBottom: 0 }}>
            <NodePicker id="import-community" value={community} onChange={setCommunity} />
          </Form.Item>
        </Form>
        <Upload.Dragger
          accept=".geojson,.json,application/geo+json,application/json"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('importChoose')}</p>
        </Upload.Dragger>
        {report && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('importDone', { created: report.created, updated: report.updated })}
            description={report.parentsCreated.length ? t('importParents', { list: report.parentsCreated.map((p) => `${t(`kind_${p.kind}` as MessageKey)} ${p.name}（${p.code}）`).join('、') }) : undefined}
          />
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} description={problems.length ? t('importRefused') : undefined} />}
        {problems.length > 0 && (
          <Table<Problem>
            size="small"
            rowKey={(p) => `${p.index}-${p.code ?? ''}-${p.reason}`}
            dataSource={problems}
            pagination={problems.length > 20 ? { pageSize: 20 } : false}
            columns={[
              { key: 'index', title: t('featureIndex'), width: 110, render: (_, p) => (p.index < 0 ? t('wholeFile') : `#${p.index}`) },
              { key: 'code', title: t('featureCode'), width: 160, render: (_, p) => p.code ?? t('noValue') },
              { key: 'reason', title: t('featureReason'), render: (_, p) => p.reason },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
