import { data } from "react-router";
import { NotFoundContent } from "@accord/web/components/ErrorContent";

// Every unknown path: a real 404 status, with the translated page inside the usual frame.
export function loader() {
  return data(null, { status: 404 });
}

export function action() {
  return data(null, { status: 404 });
}

export default function NotFound() {
  return <NotFoundContent />;
}
