/** The answers so far, travelling in the form to the next step (never in the address). */
export function CarriedAnswers({ fields }: { fields: Array<{ name: string; value: string }> }) {
  return (
    <>
      {fields.map((field, i) => (
        <input type="hidden" name={field.name} value={field.value} key={`${field.name}-${i}`} />
      ))}
    </>
  );
}

/** A form button that reads as a link: Back, Change, Get a code. */
export function LinkButton({ value, children, describedBy }: { value: string; children: React.ReactNode; describedBy?: string }) {
  return (
    <button type="submit" name="intent" value={value} className="app-link-button" aria-describedby={describedBy}>
      {children}
    </button>
  );
}
