import { formatFileSize } from "@accord/ui";

/** A mailbox e-mail's attachments: each file's original name and size. */
export function MailAttachments({ attachments, language }: { attachments: readonly { name: string; size: number }[]; language: string }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="mail-attachments">
      {attachments.map((attachment, index) => (
        <li key={index}>
          {attachment.name} <span className="mail-attachments__size">({formatFileSize(attachment.size, language)})</span>
        </li>
      ))}
    </ul>
  );
}
