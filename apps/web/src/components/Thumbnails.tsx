import type { StoredFile } from '@anlan/contracts';
import { FilePdfOutlined } from '@ant-design/icons';
import { Flex, Image, Typography } from 'antd';
import { fileUrl, isImage } from '../api/files';

interface Props {
  files: readonly Pick<StoredFile, 'id' | 'mime' | 'originalName'>[];
  /** Caption above the row (e.g. 整改前). */
  caption?: string;
  size?: number;
}

/** Photos as thumbnails that open large; documents (acceptance reports) as links. */
export function Thumbnails({ files, caption, size = 88 }: Props) {
  if (files.length === 0) return null;
  const photos = files.filter((f) => isImage(f.mime));
  const documents = files.filter((f) => !isImage(f.mime));
  return (
    <div style={{ marginTop: 8 }}>
      {caption && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{caption}</Typography.Text>}
      <Flex wrap gap={8} style={{ marginTop: 4 }}>
        <Image.PreviewGroup>
          {photos.map((f) => (
            <Image
              key={f.id}
              src={fileUrl(f.id)}
              alt={f.originalName ?? caption ?? f.id}
              width={size}
              height={size}
              style={{ objectFit: 'cover', borderRadius: 4 }}
            />
          ))}
        </Image.PreviewGroup>
        {documents.map((f) => (
          <Typography.Link key={f.id} href={fileUrl(f.id)} target="_blank" rel="noreferrer">
            <FilePdfOutlined /> {f.originalName ?? f.id.slice(0, 8)}
          </Typography.Link>
        ))}
      </Flex>
    </div>
  );
}
