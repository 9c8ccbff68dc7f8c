import { NotFoundContent } from "@accord/web/components/ErrorContent";
import { notFoundStatus } from "@accord/web/responses";

// Every unknown path: a real 404 status, with the translated page inside the usual frame.
export const loader = notFoundStatus;
export const action = notFoundStatus;

export default function NotFound() {
  return <NotFoundContent />;
}
