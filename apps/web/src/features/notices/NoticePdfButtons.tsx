import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticePdfUrl } from '../../api/notices';

/** 预览 opens the notice's PDF in a dialog; 下载 saves it under its number. */
export function NoticePdfButtons({ id, number }: { id: string; number: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const url = noticePdfUrl(id);
  return (
    <Space size={4}>
      <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)}>
        {t('notice.preview')}
      </Button>
      <Button size="small" icon={<DownloadOutlined />} href={url} download={`${number}.pdf`}>
        {t('notice.download')}
      </Button>
      <Modal open={open} title={number} width={900} footer={null} destroyOnHidden onCancel={() => setOpen(false)}>
        <object data={url} type="application/pdf" aria-label={number} style={{ width: '100%', height: '75vh', border: 0 }}>
          <a href={url} target="_blank" rel="noreferrer">
            {t('notice.openPdf')}
          </a>
        </object>
      </Modal>
    </Space>
  );
}
