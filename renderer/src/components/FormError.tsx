// A form's error under its fields, read out when it appears (role alert); nothing when there is none.
export function FormError({ error }: { error: string | null }) {
  return error ? (
    <p className="error-text" role="alert">
      {error}
    </p>
  ) : null;
}
