/** A form's outcome beside it: an error (role=alert) or a success note (role=status). Full width in a row of fields. */
export function FormMessage({ error, message }: { error?: string | null; message?: string | null }) {
  if (error) {
    return (
      <p role="alert" className="w-full text-sm text-red-600">
        {error}
      </p>
    );
  }
  if (message) {
    return (
      <p role="status" className="w-full text-sm text-emerald-700">
        {message}
      </p>
    );
  }
  return null;
}
