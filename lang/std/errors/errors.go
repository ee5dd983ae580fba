package errors

type errorString struct {
	s string
}

func (e *errorString) Error() string { return e.s }

func New(text string) error { return &errorString{text} }

func Unwrap(err error) error {
	if _, ok := err.(*joinError); ok {
		return nil // a Join wraps several: Unwrap() []error, not Unwrap() error
	}
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

func isComparable(err error) bool

// Is says whether err or an error it wraps (through Unwrap() error, or each of the errors of
// an Unwrap() []error, depth first) is target, or says it is (an Is(error) bool method).
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	return is(err, target, isComparable(target))
}

func is(err, target error, cmp bool) bool {
	for {
		if cmp && isComparable(err) && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		// an error that wraps several (a Join's, Errorf's with several %w): each, depth first
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				if is(e, target, cmp) {
					return true
				}
			}
			return false
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
		if err == nil {
			return false
		}
	}
}

func setAs(err error, target any) bool

// As finds the first error in err's tree (as Is walks it) that can be assigned to what target
// points to, sets it and says true.
func As(err error, target any) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	return as(err, target)
}

func as(err error, target any) bool {
	for err != nil {
		if setAs(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				if as(e, target) {
					return true
				}
			}
			return false
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

// Join is an error wrapping the non-nil errs (nil if there are none); its text is theirs, a
// line each, and Is and As look through each.
func Join(errs ...error) error {
	var kept []error
	for _, err := range errs {
		if err != nil {
			kept = append(kept, err)
		}
	}
	if kept == nil {
		return nil
	}
	return &joinError{kept}
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	s := ""
	for i, err := range e.errs {
		if i > 0 {
			s += "\n"
		}
		s += err.Error()
	}
	return s
}

func (e *joinError) Unwrap() []error { return e.errs }
